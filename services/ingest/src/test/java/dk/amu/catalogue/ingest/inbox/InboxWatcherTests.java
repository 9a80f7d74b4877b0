package dk.amu.catalogue.ingest.inbox;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import dk.amu.catalogue.ingest.IngestApplication;
import dk.amu.catalogue.ingest.support.DocumentVariants;
import dk.amu.catalogue.ingest.support.IndependentEventReader.Event;
import dk.amu.catalogue.ingest.support.SettledLog;
import dk.amu.catalogue.testkit.CatalogueInfrastructure;
import dk.amu.catalogue.testkit.FixtureDocuments;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static dk.amu.catalogue.ingest.support.DocumentVariants.lineOf;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The watched folder, scanned by hand: a file is taken on the second scan that finds it unchanged,
 * then lands in processed/ with its events on the topic, or in failed/ beside a note saying why.
 */
@ExtendWith(CatalogueInfrastructure.class)
@SpringBootTest(classes = IngestApplication.class, webEnvironment = SpringBootTest.WebEnvironment.NONE,
        properties = { "spring.config.name=ingest", "catalogue.ingest.scheduling=false" })
class InboxWatcherTests {

    @TempDir
    static Path inbox;

    @DynamicPropertySource
    static void kafkaAndInbox(DynamicPropertyRegistry registry) {
        CatalogueInfrastructure.registerKafka(registry);
        registry.add("catalogue.ingest.auto-register-schemas", () -> "true");
        registry.add("catalogue.ingest.inbox.directory", () -> inbox.toString());
    }

    @Autowired
    InboxWatcher watcher;

    SettledLog log;

    String fkb = DocumentVariants.uniqueFkb("inbox");

    String document = DocumentVariants.videnOpenEnded();

    @BeforeEach
    void setUp() {
        log = new SettledLog(CatalogueInfrastructure.running());
    }

    @Test
    void shouldIngestAGoodFileOnTheSecondScanAndMoveItToProcessed() throws IOException {
        var file = Files.writeString(inbox.resolve(fkb + "__rev1.txt"), document);

        watcher.scan();
        assertThat(file).as("taken only once unchanged between two scans").exists();
        assertThat(log.events(fkb)).isEmpty();
        watcher.scan();

        assertThat(file).doesNotExist();
        assertThat(inbox.resolve("processed").resolve(fkb + "__rev1.txt")).hasContent(document);
        var events = log.events(fkb);
        assertThat(events).hasSize(DocumentVariants.courseNumbers(document).size() + 1);
        assertThat(events.get(0).record().get("source").toString()).contains(fkb + "__rev1.txt");
    }

    @Test
    void shouldWaitWhileAFileIsStillBeingWritten() throws IOException {
        var file = inbox.resolve(fkb + "__copying.txt");
        var half = document.substring(0, document.length() / 2);
        Files.writeString(file, half);

        watcher.scan();
        Files.writeString(file, document);
        watcher.scan();
        assertThat(file).as("grew between the scans, so not taken yet").exists();
        watcher.scan();

        assertThat(inbox.resolve("processed").resolve(fkb + "__copying.txt")).hasContent(document);
        assertThat(log.events(fkb)).extracting(Event::type).contains("CourseLinked");
    }

    @Test
    void shouldMoveAFileWithABadNameToFailedWithTheNamingRule() throws IOException {
        var before = log.endOffsets();
        var file = Files.writeString(inbox.resolve("viden-og-forretningsservice.txt"), document);

        watcher.scan();
        watcher.scan();

        assertThat(file).doesNotExist();
        var failed = inbox.resolve("failed");
        assertThat(failed.resolve("viden-og-forretningsservice.txt")).hasContent(document);
        assertThat(Files.readString(failed.resolve("viden-og-forretningsservice.txt.error.txt")))
                .contains("the file name must be <fkbCode>__<anything>.pdf or .txt");
        assertThat(log.endOffsets()).as("log-end offsets of %s", SettledLog.CATALOGUE_TOPICS).isEqualTo(before);
    }

    @Test
    void shouldMoveARejectedDocumentToFailedWithTheParsersMessage() throws IOException {
        var before = log.endOffsets();
        var broken = FixtureDocuments.withRow(document, "20925",
                "20925 Kommunikation i en bæredygtig virksomhed AD 2,0 31-02-2025 og fremefter");
        var name = fkb + "__broken.txt";
        Files.writeString(inbox.resolve(name), broken);

        watcher.scan();
        watcher.scan();

        var failed = inbox.resolve("failed");
        assertThat(failed.resolve(name)).exists();
        assertThat(Files.readString(failed.resolve(name + ".error.txt")).strip())
                .isEqualTo("line " + lineOf(broken, "20925") + ": impossible date 31-02-2025 for course 20925");
        assertThat(log.endOffsets()).as("log-end offsets of %s", SettledLog.CATALOGUE_TOPICS).isEqualTo(before);
        assertThat(log.events(fkb)).isEmpty();
    }
}
