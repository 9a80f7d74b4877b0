package dk.amu.catalogue.audit.support;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;

import dk.amu.catalogue.eventlog.CatalogueZone;
import dk.amu.catalogue.ingest.IngestApplication;
import dk.amu.catalogue.ingest.expiry.ExpiryClock;
import dk.amu.catalogue.ingest.ingestion.DocumentSubmission;
import dk.amu.catalogue.ingest.ingestion.IngestionService;
import dk.amu.catalogue.testkit.CatalogueInfrastructure;
import dk.amu.catalogue.testkit.MutableClock;
import org.springframework.boot.Banner;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.support.GenericApplicationContext;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;

/**
 * The revision timeline of ingest's IngestionTimelineTests, written through the real ingest path
 * with a clock the timeline moves: an earlier revision of "Viden- og forretningsservice" (1 March
 * 2025, 47299 open-ended), the fixture (1 May, 47299 ends 30-06-2025), the expiry clock on 1 July,
 * a later revision (1 September); and "Offentlig forvaltning", which also links 47299, on 1 March.
 */
public record IngestTimeline(String viden, String offentlig, Instant fixtureRecordedAt) {

    private static IngestTimeline shared;

    /** The timeline, written once per test run: its FKB codes are its own, so other tests' records do not disturb it. */
    public static synchronized IngestTimeline shared(CatalogueInfrastructure.Running kafka) {
        if (shared == null) {
            shared = write(kafka);
        }
        return shared;
    }

    public static IngestTimeline write(CatalogueInfrastructure.Running kafka) {
        var suffix = UUID.randomUUID().toString().substring(0, 8);
        var viden = "viden-" + suffix;
        var offentlig = "offentlig-" + suffix;
        var clock = MutableClock.at(LocalDate.of(2025, 3, 1));
        try (var context = ingest(kafka, clock)) {
            var ingestion = context.getBean(IngestionService.class);
            var fixture = sample("viden-og-forretningsservice.txt");
            var earlier = withoutCourses(fixture, "22487", "22598", "22634").replace("til 30-06-2025", "og fremefter");
            var later = withRow(withoutCourses(fixture, "47299", "47300"), "45959",
                    "45959 Likviditetsstyring AD 2,0 19-12-2024 og fremefter");
            ingestion.ingest(new DocumentSubmission(viden, earlier.getBytes(UTF_8), "earlier.txt", null, false));
            ingestion.ingest(new DocumentSubmission(offentlig, sample("offentlig-forvaltning.txt").getBytes(UTF_8),
                    "offentlig-forvaltning.txt", null, false));
            clock.setTo(LocalDate.of(2025, 5, 1));
            var fixtureAt = clock.instant();
            ingestion.ingest(new DocumentSubmission(viden, fixture.getBytes(UTF_8), "fixture.txt", null, false));
            clock.setTo(CatalogueZone.startOf(LocalDate.of(2025, 7, 1)).plusSeconds(1));
            context.getBean(ExpiryClock.class).runOnce();
            clock.setTo(LocalDate.of(2025, 9, 1));
            ingestion.ingest(new DocumentSubmission(viden, later.getBytes(UTF_8), "later.txt", null, false));
            return new IngestTimeline(viden, offentlig, fixtureAt);
        }
    }

    private static ConfigurableApplicationContext ingest(CatalogueInfrastructure.Running kafka, MutableClock clock) {
        var properties = new HashMap<String, Object>(Map.of(
                "spring.config.name", "ingest",
                "catalogue.ingest.scheduling", false,
                "catalogue.ingest.samples", false,
                "spring.kafka.bootstrap-servers", kafka.bootstrapServers(),
                "catalogue.registry-url", kafka.registryUrl(),
                "catalogue.ingest.auto-register-schemas", true,
                "logging.level.root", "WARN"));
        var environment = new StandardEnvironment();
        environment.getPropertySources().addFirst(new MapPropertySource("audit-tests-ingest", properties));
        // registered by hand: a @Configuration here would be scanned into the audit's own test contexts
        ApplicationContextInitializer<GenericApplicationContext> timelineClock = context -> context.registerBean(
                "timelineClock", MutableClock.class, () -> clock, definition -> definition.setPrimary(true));
        return new SpringApplicationBuilder(IngestApplication.class)
                .initializers(timelineClock)
                .environment(environment)
                .web(WebApplicationType.NONE)
                .bannerMode(Banner.Mode.OFF)
                .logStartupInfo(false)
                .run();
    }

    static String sample(String name) {
        try (var in = IngestTimeline.class.getClassLoader().getResourceAsStream("samples/" + name)) {
            return new String(in.readAllBytes(), UTF_8);
        }
        catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }

    static String withoutCourses(String document, String... courseNumbers) {
        return editRows(document, line -> Arrays.stream(courseNumbers).anyMatch(n -> line.strip().startsWith(n + " ")) ? null : line);
    }

    static String withRow(String document, String courseNumber, String row) {
        return editRows(document, line -> line.strip().startsWith(courseNumber + " ") ? row : line);
    }

    private static String editRows(String document, UnaryOperator<String> edit) {
        return document.lines().map(edit).filter(line -> line != null).collect(Collectors.joining("\n", "", "\n"));
    }
}
