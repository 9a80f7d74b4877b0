package dk.amu.catalogue.ingest.ingestion;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.LongStream;

import com.fasterxml.jackson.databind.JsonNode;
import dk.amu.catalogue.eventlog.CatalogueTopics;
import dk.amu.catalogue.ingest.support.DocumentVariants;
import dk.amu.catalogue.ingest.support.IndependentEventReader.Event;
import dk.amu.catalogue.ingest.support.IndependentEventReader;
import dk.amu.catalogue.ingest.support.IngestTest;
import dk.amu.catalogue.ingest.support.SettledLog;
import dk.amu.catalogue.ingest.support.UploadClient;
import dk.amu.catalogue.ingest.system.IngestProperties;
import dk.amu.catalogue.testkit.CatalogueInfrastructure;
import dk.amu.catalogue.testkit.FixtureDocuments;
import dk.amu.catalogue.testkit.MutableClock;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import static dk.amu.catalogue.testkit.FixtureDocuments.bytes;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A writer killed in the middle of an ingestion, for real: a child JVM opens the transaction the
 * service would open for the FKB, sends part of the events and halts. Readers that read committed
 * records see nothing of it; the same ingestion run again through the service completes it, with
 * every event exactly once.
 */
@IngestTest
class CrashRecoveryTests {

    static final int SENT_BEFORE_THE_KILL = 20;

    @LocalServerPort
    int port;

    @Autowired
    MutableClock clock;

    @Autowired
    IngestProperties properties;

    @TempDir
    Path folder;

    IndependentEventReader reader;

    String fkb = DocumentVariants.uniqueFkb("crash");

    String document = DocumentVariants.videnOpenEnded();

    @BeforeEach
    void setUp() {
        clock.setTo(LocalDate.of(2025, 3, 1));
        reader = new IndependentEventReader(CatalogueInfrastructure.running().bootstrapServers(),
                CatalogueInfrastructure.running().registryUrl());
    }

    @Test
    void shouldShowNothingOfAKilledIngestionAndCompleteItExactlyOnceWhenRunAgain() throws Exception {
        var file = Files.writeString(folder.resolve("viden.txt"), document);
        var before = reader.endOffsets(Set.of(CatalogueTopics.EVENTS));

        var killed = runAndKill(file);

        assertThat(killed.exitCode()).isEqualTo(137);
        assertThat(killed.sentEventIds()).as(killed.output()).hasSize(SENT_BEFORE_THE_KILL);
        assertThat(total(reader.endOffsets(Set.of(CatalogueTopics.EVENTS))) - total(before))
                .as("the killed writer's records reached the log").isGreaterThanOrEqualTo(SENT_BEFORE_THE_KILL);
        assertThat(reader.events(CatalogueTopics.EVENTS, fkb)).as("visible to read_committed readers").isEmpty();
        assertThat(reader.events(CatalogueTopics.SNAPSHOTS, fkb)).isEmpty();

        var again = new UploadClient(port, "s3cret").upload(fkb, "viden.txt", bytes(document));

        assertThat(again.status()).as("%s", again.body()).isEqualTo(200);
        int expected = DocumentVariants.courseNumbers(document).size() + 1;
        var events = new SettledLog(CatalogueInfrastructure.running()).events(fkb);
        assertThat(events).hasSize(expected);
        assertThat(events).extracting(Event::sequence).containsExactlyElementsOf(sequences(expected));
        assertThat(events).extracting(Event::eventId).doesNotHaveDuplicates()
                .containsAll(killed.sentEventIds())
                .containsExactlyElementsOf(reportedEventIds(again.body()));
        assertGaplessChain(events);
        assertThat(reader.events(CatalogueTopics.SNAPSHOTS, fkb)).hasSize(1);
    }

    /** Starts the child JVM, waits for it to die by its own hand, and collects what it said. */
    private Killed runAndKill(Path file) throws IOException, InterruptedException {
        var java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        var output = folder.resolve("child.out");
        var infrastructure = CatalogueInfrastructure.running();
        var process = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"), KilledIngestion.class.getName(),
                infrastructure.bootstrapServers(), infrastructure.registryUrl(), fkb, file.toString(),
                clock.instant().toString(), String.valueOf(SENT_BEFORE_THE_KILL), String.valueOf(properties.transactionSlots()))
                .redirectErrorStream(true)
                .redirectOutput(output.toFile())
                .start();
        if (!process.waitFor(Duration.ofMinutes(2).toSeconds(), TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("the child JVM did not finish: " + Files.readString(output));
        }
        var text = Files.readString(output);
        var sent = text.lines().filter(line -> line.startsWith("sent ")).map(line -> line.substring(5)).toList();
        return new Killed(process.exitValue(), sent, text);
    }

    record Killed(int exitCode, List<String> sentEventIds, String output) {
    }

    private static long total(Map<TopicPartition, Long> offsets) {
        return offsets.values().stream().mapToLong(Long::longValue).sum();
    }

    private static List<Long> sequences(int count) {
        return LongStream.rangeClosed(1, count).boxed().toList();
    }

    private static List<String> reportedEventIds(JsonNode report) {
        var ids = new ArrayList<String>();
        report.get("events").forEach(event -> ids.add(event.get("eventId").asText()));
        return ids;
    }

    private static void assertGaplessChain(List<Event> events) {
        var previousHash = "0".repeat(64);
        for (var event : events) {
            assertThat(event.previousHash()).isEqualTo(previousHash);
            previousHash = event.hash();
        }
    }
}
