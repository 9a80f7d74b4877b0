package dk.amu.catalogue.ingest.ingestion;

import java.time.LocalDate;

import dk.amu.catalogue.ingest.support.DocumentVariants;
import dk.amu.catalogue.ingest.support.IndependentEventReader.Event;
import dk.amu.catalogue.ingest.support.IngestTest;
import dk.amu.catalogue.ingest.support.SettledLog;
import dk.amu.catalogue.testkit.CatalogueInfrastructure;
import dk.amu.catalogue.testkit.FixtureDocuments;
import dk.amu.catalogue.testkit.MutableClock;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import static dk.amu.catalogue.testkit.FixtureDocuments.bytes;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A second document of an FKB right after the first: a commit returns before its transaction
 * markers are written, so the second diff must not depend on reading the first one's snapshot back.
 */
@IngestTest
class BackToBackIngestionTests {

    static final int ROUNDS = 10;

    @Autowired
    MutableClock clock;

    @Autowired
    IngestionService ingestion;

    @BeforeEach
    void startTheClock() {
        clock.setTo(LocalDate.of(2025, 3, 1));
    }

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
        var log = new SettledLog(CatalogueInfrastructure.running());
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
