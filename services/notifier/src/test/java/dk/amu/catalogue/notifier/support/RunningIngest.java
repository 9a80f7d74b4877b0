package dk.amu.catalogue.notifier.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Arrays;
import java.util.Map;
import java.util.stream.Collectors;

import dk.amu.catalogue.events.v1.CatalogueEvent;
import dk.amu.catalogue.ingest.IngestApplication;
import dk.amu.catalogue.ingest.expiry.ExpiryClock;
import dk.amu.catalogue.ingest.ingestion.DocumentSubmission;
import dk.amu.catalogue.ingest.ingestion.IngestionService;
import dk.amu.catalogue.testkit.CatalogueInfrastructure;
import org.springframework.boot.Banner;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;

/** The real ingest service, without its web API, on the test's clock: documents in, events on the topic. */
public final class RunningIngest implements AutoCloseable {

    private final ConfigurableApplicationContext context;

    private RunningIngest(ConfigurableApplicationContext context) {
        this.context = context;
    }

    public static RunningIngest start(Clock clock) {
        var infrastructure = CatalogueInfrastructure.running();
        var environment = new StandardEnvironment();
        environment.getPropertySources().addFirst(new MapPropertySource("test-ingest", Map.of(
                "spring.config.name", "ingest",
                "catalogue.ingest.scheduling", false,
                "catalogue.ingest.samples", false,
                "catalogue.ingest.auto-register-schemas", true,
                "spring.kafka.bootstrap-servers", infrastructure.bootstrapServers(),
                "catalogue.registry-url", infrastructure.registryUrl(),
                // the notifier's test classpath brings JDBC along; ingest has no database
                "spring.autoconfigure.exclude", "org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration,"
                        + "org.springframework.boot.flyway.autoconfigure.FlywayAutoConfiguration")));
        var context = new SpringApplicationBuilder(IngestApplication.class)
                .environment(environment)
                .web(WebApplicationType.NONE)
                .bannerMode(Banner.Mode.OFF)
                .logStartupInfo(false)
                .initializers(c -> c.getBeanFactory().registerSingleton("testClock", clock))
                .run();
        return new RunningIngest(context);
    }

    public int ingest(String fkbCode, String name, String document) {
        var report = context.getBean(IngestionService.class).ingest(
                new DocumentSubmission(fkbCode, document.getBytes(StandardCharsets.UTF_8), name, null, false));
        return report.events().size();
    }

    public java.util.List<CatalogueEvent> expire() {
        return context.getBean(ExpiryClock.class).runOnce();
    }

    /** The bundled fixture "Viden- og forretningsservice". */
    public static String viden() {
        try (var in = RunningIngest.class.getClassLoader().getResourceAsStream("samples/viden-og-forretningsservice.txt")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }

    public static String withoutCourses(String document, String... courseNumbers) {
        return document.lines()
                .filter(line -> Arrays.stream(courseNumbers).noneMatch(n -> line.strip().startsWith(n + " ")))
                .collect(Collectors.joining("\n", "", "\n"));
    }

    public static String withRow(String document, String courseNumber, String row) {
        return document.lines().map(line -> line.strip().startsWith(courseNumber + " ") ? row : line)
                .collect(Collectors.joining("\n", "", "\n"));
    }

    @Override
    public void close() {
        context.close();
    }
}
