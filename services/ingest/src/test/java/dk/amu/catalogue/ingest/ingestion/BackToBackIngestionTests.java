package dk.amu.catalogue.ingest.ingestion;

import java.time.LocalDate;

import dk.amu.catalogue.ingest.IngestApplication;
import dk.amu.catalogue.ingest.support.DocumentVariants;
import dk.amu.catalogue.ingest.support.FixtureDocuments;
import dk.amu.catalogue.ingest.support.IndependentEventReader.Event;
import dk.amu.catalogue.ingest.support.KafkaInfrastructure;
import dk.amu.catalogue.testkit.MutableClock;
import dk.amu.catalogue.ingest.support.SettledLog;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static dk.amu.catalogue.ingest.support.FixtureDocuments.bytes;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A second document of an FKB right after the first: a commit returns before its transaction
 * markers are written, so the second diff must not depend on reading the first one's snapshot back.
 */
@ExtendWith(KafkaInfrastructure.class)
@SpringBootTest(classes = { IngestApplication.class, BackToBackIngestionTests.TestClock.class },
        webEnvironment = SpringBootTest.WebEnvironment.NONE,
        properties = { "spring.config.name=ingest", "catalogue.ingest.scheduling=false" })
class BackToBackIngestionTests {

    static final int ROUNDS = 10;

    @TestConfiguration
    static class TestClock {

        @Bean
        @Primary
        MutableClock backToBackClock() {
            return MutableClock.at(LocalDate.of(2025, 3, 1));
        }
    }

    @DynamicPropertySource
    static void kafka(DynamicPropertyRegistry registry) {
        KafkaInfrastructure.register(registry);
    }

    @Autowired
    IngestionService ingestion;

    @Test
    void shouldChangeNothingWhenTheSameDocumentArrivesAgainAtOnce() {
        var document = bytes(DocumentVariants.videnOpenEnded());
        for (int round = 0; round < ROUNDS; round++) {
            var fkb = DocumentVariants.uniqueFkb("back-to-back");

            var first = ingestion.ingest(new DocumentSubmission(fkb, document, "viden.txt", null, false));
            var again = ingestion.ingest(new DocumentSubmission(fkb, document, "viden.txt", null, false));

            assertThat(first.outcome()).isEqualTo("PUBLISHED");
            assertThat(again.outcome()).as("round %d", round).isEqualTo("UNCHANGED");
        }
    }

    @Test
    void shouldContinueTheChainWhenARevisionArrivesAtOnce() {
        var document = DocumentVariants.videnOpenEnded();
        var revision = FixtureDocuments.withoutCourses(document, "20925");
        var log = new SettledLog(KafkaInfrastructure.running());
        for (int round = 0; round < ROUNDS; round++) {
            var fkb = DocumentVariants.uniqueFkb("back-to-back");

            var first = ingestion.ingest(new DocumentSubmission(fkb, bytes(document), "viden.txt", null, false));
            var next = ingestion.ingest(new DocumentSubmission(fkb, bytes(revision), "viden-2.txt", null, false));

            assertThat(next.events()).extracting(IngestionReport.ReportedEvent::sequence)
                    .as("round %d", round).containsExactly((long) first.events().size() + 1, (long) first.events().size() + 2);
            assertThat(log.events(fkb)).extracting(Event::eventId).doesNotHaveDuplicates();
        }
    }
}
