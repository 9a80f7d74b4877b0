package dk.amu.catalogue.standalone.scaleout;

import java.time.Clock;
import java.util.HashMap;
import java.util.Map;

import dk.amu.catalogue.ingest.IngestApplication;
import dk.amu.catalogue.notifier.NotifierApplication;
import dk.amu.catalogue.projections.ProjectionsApplication;
import dk.amu.catalogue.testkit.CatalogueInfrastructure;
import org.springframework.boot.Banner;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;

/**
 * Service instances as a scaled-out deployment runs them: each its own Spring application on a port
 * of its own, all on the JVM's broker, registry and database (one schema per service, shared by its
 * instances), all on one clock.
 */
final class Instances {

    static final String ADMIN_TOKEN = "scale-out-admin-token";

    private static final String NO_DATABASE = "org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration,"
            + "org.springframework.boot.flyway.autoconfigure.FlywayAutoConfiguration";

    private Instances() {
    }

    /** Ingest without its web API or schedules: documents go in through {@code IngestionService}. */
    static ConfigurableApplicationContext ingest(Clock clock) {
        var settings = kafka();
        settings.put("spring.config.name", "ingest");
        settings.put("catalogue.ingest.scheduling", false);
        settings.put("catalogue.ingest.samples", false);
        settings.put("catalogue.ingest.auto-register-schemas", true);
        // every service is on this classpath: without this, ingest would look for a database
        settings.put("spring.autoconfigure.exclude", NO_DATABASE);
        return start(IngestApplication.class, WebApplicationType.NONE, clock, settings);
    }

    /** @param instanceId a stable name among the service's instances: its consumers are static group members */
    static ConfigurableApplicationContext projections(Clock clock, String instanceId) {
        var settings = database();
        settings.put("catalogue.instance-id", instanceId);
        settings.put("spring.config.name", ProjectionsApplication.CONFIG_NAME);
        settings.put("catalogue.projections.admin-token", ADMIN_TOKEN);
        return start(ProjectionsApplication.class, WebApplicationType.SERVLET, clock, settings);
    }

    /**
     * With its schedules on, as in production. Failed webhooks are retried at once (the clock does not
     * move in this test), and each instance claims a few endpoints per round, so both find work.
     */
    static ConfigurableApplicationContext notifier(Clock clock, String mailDirectory, String instanceId) {
        var settings = database();
        settings.put("catalogue.instance-id", instanceId);
        settings.put("spring.config.name", NotifierApplication.CONFIG_NAME);
        settings.put("catalogue.notifier.admin-token", ADMIN_TOKEN);
        settings.put("catalogue.notifier.allow-private-targets", true);
        settings.put("catalogue.notifier.webhooks.retry-delays", "0s,0s,0s,0s,0s,0s");
        settings.put("catalogue.notifier.webhooks.jitter", 0);
        settings.put("catalogue.notifier.webhooks.concurrency", 2);
        settings.put("catalogue.notifier.webhooks.poll-interval", "200ms");
        settings.put("catalogue.notifier.mail.directory", mailDirectory);
        return start(NotifierApplication.class, WebApplicationType.SERVLET, clock, settings);
    }

    static int port(ConfigurableApplicationContext context) {
        return ((WebServerApplicationContext) context).getWebServer().getPort();
    }

    private static Map<String, Object> kafka() {
        var infrastructure = CatalogueInfrastructure.running();
        var settings = new HashMap<String, Object>();
        settings.put("spring.kafka.bootstrap-servers", infrastructure.bootstrapServers());
        settings.put("catalogue.registry-url", infrastructure.registryUrl());
        return settings;
    }

    private static Map<String, Object> database() {
        var database = CatalogueInfrastructure.running().database();
        var settings = kafka();
        settings.put("server.port", 0);
        settings.put("server.address", "127.0.0.1");
        settings.put("spring.datasource.url", database.jdbcUrl());
        settings.put("spring.datasource.username", database.username());
        settings.put("spring.datasource.password", database.password());
        return settings;
    }

    /**
     * One at a time: each context (no parent here) initializes the JVM's one logging system, and two doing
     * so at once can reset Logback's conversion rules under each other ("no conversion class registered
     * for [clr]").
     */
    private static synchronized ConfigurableApplicationContext start(Class<?> application, WebApplicationType web,
            Clock clock, Map<String, Object> settings) {
        var environment = new StandardEnvironment();
        // first: above each service's own yml
        environment.getPropertySources().addFirst(new MapPropertySource("scale-out", settings));
        return new SpringApplicationBuilder(application)
                .environment(environment)
                .web(web)
                .bannerMode(Banner.Mode.OFF)
                .logStartupInfo(false)
                .initializers(context -> context.getBeanFactory().registerSingleton("scaleOutClock", clock))
                .run();
    }
}
