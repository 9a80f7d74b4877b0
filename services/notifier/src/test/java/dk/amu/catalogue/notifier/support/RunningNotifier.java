package dk.amu.catalogue.notifier.support;

import java.time.Clock;
import java.util.HashMap;
import java.util.Map;

import dk.amu.catalogue.notifier.NotifierApplication;
import dk.amu.catalogue.testkit.CatalogueInfrastructure;
import dk.amu.catalogue.testkit.MutableClock;
import org.springframework.boot.Banner;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;

/**
 * The notifier as a test runs it: on the JVM's broker, registry and database, on a clock the test
 * moves, with its schedulers off (the test calls the dispatcher and the warning run), and a context
 * the test can close and start again like a restart.
 */
public final class RunningNotifier implements AutoCloseable {

    public static final String ADMIN_TOKEN = "admin-token-for-tests";

    private final ConfigurableApplicationContext context;

    private RunningNotifier(ConfigurableApplicationContext context) {
        this.context = context;
    }

    private static RunningNotifier shared;

    private static MutableClock sharedClock;

    /**
     * One notifier for the test classes that need no restart, started on first use and left running
     * for the JVM, on a clock they set in their own set-up. Its endpoints stay on for days of failures,
     * so retry tests can walk through every wait.
     */
    public static synchronized RunningNotifier shared() {
        if (shared == null) {
            sharedClock = MutableClock.at(java.time.LocalDate.of(2025, 3, 1));
            shared = launch(sharedClock, Map.of("catalogue.notifier.webhooks.disable-after", "30d",
                    "catalogue.notifier.mail.directory", "target/mail-" + java.util.UUID.randomUUID()));
            var started = shared;
            CatalogueInfrastructure.closeBeforeStopping(() -> {
                synchronized (RunningNotifier.class) {
                    if (shared == started) {
                        shared = null;
                    }
                }
                started.close();
            });
        }
        return shared;
    }

    public static synchronized MutableClock sharedClock() {
        shared();
        return sharedClock;
    }

    public static RunningNotifier start(Clock clock) {
        return start(clock, Map.of());
    }

    /**
     * A notifier of the test's own. The shared one is stopped first: two instances in one consumer
     * group split the partitions, and the shared one would handle half the events on a clock the
     * test does not move. The next {@link #shared()} starts the shared one again.
     */
    public static synchronized RunningNotifier start(Clock clock, Map<String, Object> settings) {
        if (shared != null) {
            shared.close();
            shared = null;
        }
        return launch(clock, settings);
    }

    private static RunningNotifier launch(Clock clock, Map<String, Object> settings) {
        var infrastructure = CatalogueInfrastructure.running();
        var database = infrastructure.database();
        var properties = new HashMap<String, Object>(Map.of(
                "spring.config.name", NotifierApplication.CONFIG_NAME,
                "server.port", 0,
                "spring.kafka.bootstrap-servers", infrastructure.bootstrapServers(),
                "catalogue.registry-url", infrastructure.registryUrl(),
                "spring.datasource.url", database.jdbcUrl(),
                "spring.datasource.username", database.username(),
                "spring.datasource.password", database.password(),
                "catalogue.notifier.scheduling", false,
                "catalogue.notifier.admin-token", ADMIN_TOKEN,
                "catalogue.notifier.allow-private-targets", true));
        properties.putAll(settings);
        var environment = new StandardEnvironment();
        environment.getPropertySources().addFirst(new MapPropertySource("test-notifier", properties));
        var context = new SpringApplicationBuilder(NotifierApplication.class)
                .environment(environment)
                .bannerMode(Banner.Mode.OFF)
                .logStartupInfo(false)
                .initializers(c -> c.getBeanFactory().registerSingleton("testClock", clock))
                .run();
        return new RunningNotifier(context);
    }

    /** Everything on the topic is applied, the warnings due now are recorded, and what is due is sent. */
    public void settle() {
        var infrastructure = CatalogueInfrastructure.running();
        dk.amu.catalogue.testkit.ConsumerGroups.awaitCaughtUp(infrastructure.bootstrapServers(),
                dk.amu.catalogue.eventlog.CatalogueTopics.consumerGroup("notifier"),
                dk.amu.catalogue.eventlog.CatalogueTopics.EVENTS, java.time.Duration.ofSeconds(60));
        bean(dk.amu.catalogue.notifier.warnings.WarningRun.class).runOnce();
        bean(dk.amu.catalogue.notifier.webhooks.WebhookDispatcher.class).deliverDueNow();
        bean(dk.amu.catalogue.notifier.mail.MailDispatcher.class).deliverDueNow();
    }

    public <T> T bean(Class<T> type) {
        return context.getBean(type);
    }

    public int port() {
        return ((WebServerApplicationContext) context).getWebServer().getPort();
    }

    public Api api() {
        return new Api(port());
    }

    @Override
    public void close() {
        context.close();
    }
}
