package dk.amu.catalogue.cluster.support;

import java.time.Clock;
import java.util.HashMap;
import java.util.Map;

import dk.amu.catalogue.ingest.IngestApplication;
import dk.amu.catalogue.notifier.NotifierApplication;
import dk.amu.catalogue.projections.ProjectionsApplication;
import org.springframework.boot.Banner;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;

/** The services as the tests run them on the cluster: each its own Spring application with its own yml. */
public final class Services {

    public static final String ADMIN_TOKEN = "cluster-tests-admin-token";

    private static final String NO_DATABASE = "org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration,"
            + "org.springframework.boot.flyway.autoconfigure.FlywayAutoConfiguration";

    private Services() {
    }

    /** The ingest service without its web API or schedules, on a clock the test holds. */
    public static ConfigurableApplicationContext ingest(Clock clock, Map<String, Object> settings) {
        var properties = kafka();
        properties.put("spring.config.name", "ingest");
        properties.put("catalogue.ingest.scheduling", false);
        properties.put("catalogue.ingest.samples", false);
        properties.put("catalogue.ingest.auto-register-schemas", true);
        // every service is on this classpath; ingest keeps no database
        properties.put("spring.autoconfigure.exclude", NO_DATABASE);
        properties.putAll(settings);
        return run(IngestApplication.class, properties, WebApplicationType.NONE, clock);
    }

    public static ConfigurableApplicationContext projections() {
        var properties = withDatabase();
        properties.put("spring.config.name", ProjectionsApplication.CONFIG_NAME);
        properties.put("catalogue.projections.admin-token", ADMIN_TOKEN);
        return run(ProjectionsApplication.class, properties, WebApplicationType.SERVLET, null);
    }

    /** The notifier on its own schedules: it sends what is due by itself, as in production. */
    public static ConfigurableApplicationContext notifier() {
        var properties = withDatabase();
        properties.put("spring.config.name", NotifierApplication.CONFIG_NAME);
        properties.put("catalogue.notifier.admin-token", ADMIN_TOKEN);
        properties.put("catalogue.notifier.allow-private-targets", true);
        properties.put("catalogue.notifier.webhooks.poll-interval", "200ms");
        properties.put("catalogue.notifier.mail.directory", "target/cluster-tests-mail");
        return run(NotifierApplication.class, properties, WebApplicationType.SERVLET, null);
    }

    public static int port(ConfigurableApplicationContext context) {
        return ((WebServerApplicationContext) context).getWebServer().getPort();
    }

    private static Map<String, Object> kafka() {
        var running = ClusterInfrastructure.running();
        var properties = new HashMap<String, Object>();
        properties.put("spring.main.banner-mode", "off");
        properties.put("server.port", 0);
        properties.put("server.address", "127.0.0.1");
        properties.put("spring.kafka.bootstrap-servers", running.bootstrapServers());
        properties.put("catalogue.registry-url", running.registryUrl());
        return properties;
    }

    private static Map<String, Object> withDatabase() {
        var database = ClusterInfrastructure.running().database();
        var properties = kafka();
        properties.put("spring.datasource.url", database.jdbcUrl());
        properties.put("spring.datasource.username", database.username());
        properties.put("spring.datasource.password", database.password());
        return properties;
    }

    private static ConfigurableApplicationContext run(Class<?> application, Map<String, Object> properties,
            WebApplicationType web, Clock clock) {
        var environment = new StandardEnvironment();
        environment.getPropertySources().addFirst(new MapPropertySource("cluster-tests", properties));
        var builder = new SpringApplicationBuilder(application)
                .environment(environment)
                .web(web)
                .bannerMode(Banner.Mode.OFF)
                .logStartupInfo(false);
        if (clock != null) {
            builder.initializers(context -> context.getBeanFactory().registerSingleton("testClock", clock));
        }
        return builder.run();
    }
}
