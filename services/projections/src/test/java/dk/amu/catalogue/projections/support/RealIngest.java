package dk.amu.catalogue.projections.support;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.List;
import java.util.Map;

import dk.amu.catalogue.events.v1.CatalogueEvent;
import dk.amu.catalogue.ingest.IngestApplication;
import dk.amu.catalogue.ingest.expiry.ExpiryClock;
import dk.amu.catalogue.ingest.ingestion.DocumentSubmission;
import dk.amu.catalogue.ingest.ingestion.IngestionReport;
import dk.amu.catalogue.ingest.ingestion.IngestionService;
import dk.amu.catalogue.testkit.CatalogueInfrastructure;
import org.springframework.boot.Banner;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.support.GenericApplicationContext;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;

/**
 * The real ingest service, headless, in this JVM, on the test's clock: documents go through its
 * parser, diff and transactional producer, exactly as in production.
 */
public final class RealIngest implements AutoCloseable {

    private final ConfigurableApplicationContext context;

    private RealIngest(ConfigurableApplicationContext context) {
        this.context = context;
    }

    /** Starts ingest against the JVM's infrastructure, its clock being {@code clock}. */
    public static RealIngest start(Clock clock) {
        var running = CatalogueInfrastructure.running();
        var environment = new StandardEnvironment();
        environment.getPropertySources().addFirst(new MapPropertySource("projections-tests-ingest", Map.of(
                "spring.config.name", "ingest",
                "catalogue.ingest.scheduling", false,
                "catalogue.ingest.samples", false,
                "spring.kafka.bootstrap-servers", running.bootstrapServers(),
                "catalogue.registry-url", running.registryUrl(),
                "catalogue.ingest.auto-register-schemas", true,
                // ingest keeps no database; this class path has the projections' JDBC and Flyway on it
                "spring.autoconfigure.exclude", "org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration,"
                        + "org.springframework.boot.flyway.autoconfigure.FlywayAutoConfiguration")));
        var context = new SpringApplicationBuilder(IngestApplication.class)
                .environment(environment)
                .web(WebApplicationType.NONE)
                .bannerMode(Banner.Mode.OFF)
                .logStartupInfo(false)
                .initializers(ctx -> ((GenericApplicationContext) ctx).registerBean("projectionsTestClock", Clock.class,
                        () -> clock, definition -> definition.setPrimary(true)))
                .run();
        return new RealIngest(context);
    }

    public IngestionReport ingest(String fkbCode, String documentName, String document) {
        return context.getBean(IngestionService.class).ingest(new DocumentSubmission(fkbCode,
                document.getBytes(StandardCharsets.UTF_8), documentName, null, false));
    }

    /** One run of the expiry clock at the clock's time. */
    public List<CatalogueEvent> expire() {
        return context.getBean(ExpiryClock.class).runOnce();
    }

    @Override
    public void close() {
        context.close();
    }
}
