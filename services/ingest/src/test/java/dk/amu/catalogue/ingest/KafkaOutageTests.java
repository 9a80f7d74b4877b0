package dk.amu.catalogue.ingest;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;

import dk.amu.catalogue.ingest.inbox.InboxWatcher;
import dk.amu.catalogue.ingest.support.DocumentVariants;
import dk.amu.catalogue.ingest.support.IndependentEventReader.Event;
import dk.amu.catalogue.ingest.support.SettledLog;
import dk.amu.catalogue.ingest.support.UploadClient;
import dk.amu.catalogue.kafka.broker.BrokerSettings;
import dk.amu.catalogue.kafka.broker.EmbeddedKafkaBroker;
import dk.amu.catalogue.testkit.CatalogueInfrastructure;
import dk.amu.catalogue.testkit.FixtureDocuments;
import dk.amu.catalogue.testkit.MutableClock;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.http.MediaType;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.util.FileSystemUtils;

import static dk.amu.catalogue.testkit.FixtureDocuments.bytes;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/**
 * Kafka going away under a running service, with a broker of the test's own that it stops and
 * starts again: an upload is answered 503 with a problem to retry, an inbox file waits in the inbox
 * instead of being failed, and once Kafka is back the same file is ingested, exactly once.
 */
@ExtendWith(CatalogueInfrastructure.class)
@SpringBootTest(classes = { IngestApplication.class, KafkaOutageTests.TestClock.class },
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = { "spring.config.name=ingest", "catalogue.ingest.scheduling=false", "catalogue.ingest.admin-token=s3cret",
                // fail within seconds instead of Kafka's minute, so the test does not wait long
                "spring.kafka.consumer.properties.default.api.timeout.ms=3000",
                "spring.kafka.producer.properties.max.block.ms=3000" })
// the context's clients point at a broker that is gone after this class
@DirtiesContext
class KafkaOutageTests {

    static final Path DATA = temporaryDirectory("ingest-outage-kafka");

    static final Path INBOX = temporaryDirectory("ingest-outage-inbox");

    static EmbeddedKafkaBroker broker = EmbeddedKafkaBroker.start(BrokerSettings.onFreePorts(DATA));

    @TestConfiguration
    static class TestClock {

        @Bean
        @Primary
        MutableClock outageClock() {
            return MutableClock.at(LocalDate.of(2025, 3, 1));
        }
    }

    @DynamicPropertySource
    static void ownBrokerAndInbox(DynamicPropertyRegistry registry) {
        CatalogueInfrastructure.registerKafka(registry);
        registry.add("catalogue.ingest.auto-register-schemas", () -> "true");
        registry.add("spring.kafka.bootstrap-servers", () -> broker.bootstrapServers());
        registry.add("catalogue.ingest.inbox.directory", INBOX::toString);
    }

    @AfterAll
    static void stopBroker() {
        broker.close();
        FileSystemUtils.deleteRecursively(DATA.toFile());
        FileSystemUtils.deleteRecursively(INBOX.toFile());
    }

    @LocalServerPort
    int port;

    @Autowired
    InboxWatcher inbox;

    String fkb = DocumentVariants.uniqueFkb("outage");

    @Test
    void shouldKeepWorkWaitingWhileKafkaIsDownAndFinishItOnceKafkaIsBack() throws IOException {
        var document = DocumentVariants.videnOpenEnded();
        var revision = FixtureDocuments.withoutCourses(document, "20925");
        drop(fkb + "__rev1.txt", document);
        assertThat(INBOX.resolve("processed").resolve(fkb + "__rev1.txt")).exists();

        broker.close();

        var upload = new UploadClient(port, "s3cret").upload(fkb, "rev2.txt", bytes(revision));
        assertThat(upload.status()).as("%s", upload.body()).isEqualTo(503);
        assertThat(MediaType.parseMediaType(upload.contentType()).isCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)).isTrue();
        assertThat(upload.body().get("detail").asText()).contains("try again");

        var waiting = drop(fkb + "__rev2.txt", revision);
        assertThat(waiting).as("waits in the inbox for Kafka").exists();
        assertThat(INBOX.resolve("failed").resolve(fkb + "__rev2.txt")).doesNotExist();

        broker = EmbeddedKafkaBroker.start(broker.settings());
        inbox.scan();
        inbox.scan();

        assertThat(waiting).doesNotExist();
        assertThat(INBOX.resolve("processed").resolve(fkb + "__rev2.txt")).exists();
        var events = new SettledLog(broker.bootstrapServers(), CatalogueInfrastructure.running().registryUrl()).events(fkb);
        int first = DocumentVariants.courseNumbers(document).size() + 1;
        assertThat(events).hasSize(first + 2);
        assertThat(events.subList(first, first + 2)).extracting(Event::sequence, Event::type, Event::courseNumber)
                .containsExactly(tuple((long) first + 1, "FkbRevised", null), tuple((long) first + 2, "CourseUnlinked", "20925"));
    }

    /** Puts a file into the inbox and scans twice, as the schedule would; returns where the file was put. */
    private Path drop(String name, String text) throws IOException {
        var file = Files.writeString(INBOX.resolve(name), text);
        inbox.scan();
        inbox.scan();
        return file;
    }

    private static Path temporaryDirectory(String prefix) {
        try {
            return Files.createTempDirectory(prefix);
        }
        catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }
}
