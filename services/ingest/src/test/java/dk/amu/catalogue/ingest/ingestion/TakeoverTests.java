package dk.amu.catalogue.ingest.ingestion;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Map;

import dk.amu.catalogue.ingest.cli.IngestCommand;
import dk.amu.catalogue.ingest.support.DocumentVariants;
import dk.amu.catalogue.ingest.support.IndependentEventReader.Event;
import dk.amu.catalogue.ingest.support.IngestTest;
import dk.amu.catalogue.ingest.support.SettledLog;
import dk.amu.catalogue.testkit.CatalogueInfrastructure;
import dk.amu.catalogue.testkit.FixtureDocuments;
import dk.amu.catalogue.testkit.MutableClock;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;

import static dk.amu.catalogue.testkit.FixtureDocuments.bytes;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two writers of one FKB: the running service and the command line, which share the FKB's
 * transactional id. The service keeps snapshots in memory, so after the command line wrote a
 * revision the service must notice it was fenced, read that revision and diff against it.
 */
@IngestTest
class TakeoverTests {

    @Autowired
    MutableClock clock;

    @Autowired
    IngestionService ingestion;

    @TempDir
    Path files;

    @BeforeEach
    void startTheClock() {
        clock.setTo(LocalDate.of(2025, 3, 1));
    }

    @Test
    void shouldDiffAgainstWhatTheCommandLineWroteMeanwhile() throws Exception {
        var fkb = DocumentVariants.uniqueFkb("takeover");
        var first = DocumentVariants.videnOpenEnded();
        var second = FixtureDocuments.withoutCourses(first, "20925");
        var third = FixtureDocuments.withoutCourses(second, "20974");

        ingestion.ingest(new DocumentSubmission(fkb, bytes(first), "first.txt", null, false));
        assertThat(commandLine("--fkb", fkb, write("second.txt", second))).isZero();
        var report = ingestion.ingest(new DocumentSubmission(fkb, bytes(third), "third.txt", null, false));

        assertThat(report.events()).extracting(IngestionReport.ReportedEvent::type, IngestionReport.ReportedEvent::courseNumber)
                .as("only what the third revision changed, not the second one's removal again")
                .containsExactly(org.assertj.core.groups.Tuple.tuple("FkbRevised", null),
                        org.assertj.core.groups.Tuple.tuple("CourseUnlinked", "20974"));
        var events = new SettledLog(CatalogueInfrastructure.running()).events(fkb);
        assertThat(events).extracting(Event::sequence).containsExactly(
                java.util.stream.LongStream.rangeClosed(1, events.size()).boxed().toArray(Long[]::new));
        assertThat(events).filteredOn(event -> event.type().equals("CourseUnlinked"))
                .extracting(Event::courseNumber).containsExactly("20925", "20974");
    }

    private String write(String name, String text) throws Exception {
        return Files.writeString(files.resolve(name), text, StandardCharsets.UTF_8).toString();
    }

    private static int commandLine(String... args) {
        var infrastructure = CatalogueInfrastructure.running();
        var sink = new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8);
        return IngestCommand.run(args, Map.of(
                "spring.kafka.bootstrap-servers", infrastructure.bootstrapServers(),
                "catalogue.registry-url", infrastructure.registryUrl(),
                "catalogue.ingest.auto-register-schemas", true), sink, sink);
    }
}
