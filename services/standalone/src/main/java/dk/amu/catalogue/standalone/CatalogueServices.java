package dk.amu.catalogue.standalone;

import java.security.SecureRandom;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import dk.amu.catalogue.audit.AuditApplication;
import dk.amu.catalogue.ingest.IngestApplication;
import dk.amu.catalogue.notifier.NotifierApplication;
import dk.amu.catalogue.projections.ProjectionsApplication;
import dk.amu.catalogue.postgres.DatabaseSettings;
import dk.amu.catalogue.postgres.EmbeddedDatabase;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.env.Environment;

/**
 * The services the standalone runtime starts, in order: a new service is one line here. Each gets
 * its port, the broker, the registry and, where it keeps state, the database; the rest of its
 * settings come from its own {@code <name>.yml}.
 */
final class CatalogueServices {

    private static final String DATA_SOURCE_AUTO_CONFIGURATION =
            "org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration";

    private static final Logger log = LoggerFactory.getLogger(CatalogueServices.class);

    private CatalogueServices() {
    }

    static List<CatalogueService> all(StandaloneProperties properties) {
        var ports = properties.ports();
        return List.of(
                CatalogueService.of("projections", ProjectionsApplication.class, ports.projections(), true, "/")
                        .consuming(),
                CatalogueService.of("ingest", IngestApplication.class, ports.ingest(), false, "/api/fkbs")
                        .with(CatalogueServices::ingest),
                CatalogueService.of("notifier", NotifierApplication.class, ports.notifier(), true, "/")
                        .with(CatalogueServices::notifier)
                        .withThreads("webhook-")
                        .consuming(),
                CatalogueService.of("audit", AuditApplication.class, ports.audit(), false, "/swagger-ui.html"));
    }

    /** What every service gets, then its own settings on top. */
    static Map<String, Object> settings(CatalogueService service, StandaloneProperties properties,
            DatabaseSettings database, String adminToken, Environment environment) {
        var settings = new HashMap<String, Object>();
        settings.put("spring.main.banner-mode", "off");
        settings.put("server.port", service.port());
        settings.put("server.address", properties.host());
        settings.put("spring.kafka.bootstrap-servers", properties.bootstrapServers());
        settings.put("catalogue.registry-url", properties.registryUrl());
        settings.put("catalogue." + service.name() + ".admin-token", adminToken);
        // one instance of each service: its name is a stable group.instance.id, so after a crash the
        // restarted consumers take their partitions back at once instead of after the session timeout
        if (environment.getProperty("catalogue.instance-id") == null) {
            settings.put("catalogue.instance-id", service.name());
        }
        // a bean is made when first asked for: a service's start makes only what its listeners, schedules and
        // web server need (EagerBeans keeps those), a request what it needs on first use
        settings.put("spring.main.lazy-initialization", true);
        // threads named for their service, so that its log lines say so (see ServiceLabels)
        settings.put("spring.task.scheduling.thread-name-prefix", service.name() + "-scheduling-");
        settings.put("spring.task.execution.thread-name-prefix", service.name() + "-task-");
        if (service.database()) {
            settings.put("spring.datasource.hikari.pool-name", service.name() + "-db");
            // known before the server is up: the service's DataSource waits for it (InfrastructureGate)
            settings.put("spring.datasource.url",
                    "jdbc:postgresql://" + database.host() + ":" + database.port() + "/" + EmbeddedDatabase.DATABASE);
            settings.put("spring.datasource.username", EmbeddedDatabase.USER);
            // the embedded cluster trusts local connections
            settings.put("spring.datasource.password", "");
        }
        else {
            // every service is on this classpath: without this, one without a database would look for one
            settings.put("spring.autoconfigure.exclude", DATA_SOURCE_AUTO_CONFIGURATION);
        }
        settings.putAll(service.settings().apply(properties, environment));
        return settings;
    }

    private static Map<String, Object> ingest(StandaloneProperties properties, Environment environment) {
        return Map.of(
                "catalogue.ingest.auto-register-schemas", true,
                "catalogue.ingest.inbox.directory", properties.dataDirectory().resolve("inbox").toString());
    }

    /**
     * On one machine the webhook receivers a newcomer tries are on that machine too, so loopback and
     * private targets are allowed unless CATALOGUE_NOTIFIER_ALLOW_PRIVATE_TARGETS says otherwise.
     */
    private static Map<String, Object> notifier(StandaloneProperties properties, Environment environment) {
        var settings = new HashMap<String, Object>();
        settings.put("catalogue.notifier.public-url", properties.url(properties.ports().notifier()));
        settings.put("catalogue.notifier.mail.directory", properties.dataDirectory().resolve("mail").toString());
        if (environment.getProperty("catalogue.notifier.allow-private-targets") == null) {
            settings.put("catalogue.notifier.allow-private-targets", true);
            log.warn("Webhooks may reach loopback and private addresses in the standalone runtime; "
                    + "set CATALOGUE_NOTIFIER_ALLOW_PRIVATE_TARGETS=false to deny them");
        }
        return settings;
    }

    /** The operator's token for every admin API: CATALOGUE_ADMIN_TOKEN, or one made for this run and printed. */
    static String adminToken(Environment environment) {
        var token = environment.getProperty("catalogue.admin-token",
                environment.getProperty("catalogue.ingest.admin-token", ""));
        if (!token.isBlank()) {
            return token;
        }
        var bytes = new byte[24];
        new SecureRandom().nextBytes(bytes);
        token = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        // printed, not logged: the operator needs it once, log files keep it for ever
        System.out.println("Admin token (set CATALOGUE_ADMIN_TOKEN to choose your own): " + token);
        return token;
    }
}
