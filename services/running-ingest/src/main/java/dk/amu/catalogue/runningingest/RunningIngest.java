package dk.amu.catalogue.runningingest;

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
 * The real ingest service, without its web API or schedules, in the test's JVM on the test's clock:
 * documents go through its parser, diff and transactional producer onto the JVM's broker, exactly as
 * in production.
 */
public final class RunningIngest implements AutoCloseable {

    private final ConfigurableApplicationContext context;

    private RunningIngest(ConfigurableApplicationContext context) {
        this.context = context;
    }

    /** Starts ingest against the JVM's infrastructure, its clock being {@code clock}. */
    public static RunningIngest start(Clock clock) {
        var infrastructure = CatalogueInfrastructure.running();
        var environment = new StandardEnvironment();
        environment.getPropertySources().addFirst(new MapPropertySource("running-ingest", Map.of(
                "spring.config.name", "ingest",
                "catalogue.ingest.scheduling", false,
                "catalogue.ingest.samples", false,
                "catalogue.ingest.auto-register-schemas", true,
                "spring.kafka.bootstrap-servers", infrastructure.bootstrapServers(),
                "catalogue.registry-url", infrastructure.registryUrl(),
                // ingest keeps no database; a consumer service's test class path brings JDBC and Flyway along
                "spring.autoconfigure.exclude", "org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration,"
                        + "org.springframework.boot.flyway.autoconfigure.FlywayAutoConfiguration")));
        var context = new SpringApplicationBuilder(IngestApplication.class)
                .environment(environment)
                .web(WebApplicationType.NONE)
                .bannerMode(Banner.Mode.OFF)
                .logStartupInfo(false)
                .initializers(ctx -> ((GenericApplicationContext) ctx).registerBean("runningIngestClock", Clock.class,
                        () -> clock, definition -> definition.setPrimary(true)))
                .run();
        return new RunningIngest(context);
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
