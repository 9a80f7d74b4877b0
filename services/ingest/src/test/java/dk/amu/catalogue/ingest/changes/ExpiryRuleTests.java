package dk.amu.catalogue.ingest.changes;

import dk.amu.catalogue.eventlog.EventChain;
import static dk.amu.catalogue.ingest.changes.Fixtures.FKB;
import static dk.amu.catalogue.ingest.changes.Fixtures.RECORDED_AT;
import static dk.amu.catalogue.ingest.changes.Fixtures.changed;
import static dk.amu.catalogue.ingest.changes.Fixtures.describe;
import static dk.amu.catalogue.ingest.changes.Fixtures.link;
import static dk.amu.catalogue.ingest.changes.Fixtures.origin;
import static dk.amu.catalogue.ingest.changes.Fixtures.payload;
import static dk.amu.catalogue.ingest.changes.Fixtures.sha;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import dk.amu.catalogue.events.v1.CatalogueEvent;
import dk.amu.catalogue.events.v1.CourseLinkExpired;
import dk.amu.catalogue.events.v1.EventSource;
import dk.amu.catalogue.events.v1.SuccessorHint;
import dk.amu.catalogue.snapshots.v1.CatalogueSnapshot;
import dk.amu.catalogue.snapshots.v1.CourseLink;
import dk.amu.catalogue.snapshots.v1.ExpiredLink;

class ExpiryRuleTests {

    private static final LocalDate END = LocalDate.of(2025, 6, 30);
    private static final LocalDate DAY_AFTER = LocalDate.of(2025, 7, 1);
    private static final Instant CLOCK_AT = Instant.parse("2025-06-30T22:00:05Z");

    private final CatalogueDiff diff = new CatalogueDiff();
    private final ExpiryRule expiry = new ExpiryRule();
    private final List<CourseLink> links = List.of(
            link("47298", "Referat- og notatteknik", "2024-12-19", null),
            link("47299", "Skriftlig kommunikation - sprog og sprogbrug", "2024-12-19", "2025-06-30"),
            link("22487", "Skriftlig kommunikation - sprog og sprogbrug", "2025-01-28", null));
    private final ChangeSet first = ingest(null, links, LocalDate.of(2025, 1, 15));

    @Test
    void shouldEmitNothingOnTheLastValidDay() {
        ChangeSet changes = expiry.expire(first.snapshot(), END, CLOCK_AT, "clock-1");

        assertThat(changes.events()).isEmpty();
        assertThat(changes.snapshot()).isSameAs(first.snapshot());
    }

    @Test
    void shouldExpireTheLinkOnTheDayAfterItsEndDate() {
        ChangeSet changes = expiry.expire(first.snapshot(), DAY_AFTER, CLOCK_AT, "clock-1");

        assertThat(describe(changes.events())).containsExactly("CourseLinkExpired 47299");
        CatalogueEvent expired = changes.events().get(0);
        assertThat(payload(expired, CourseLinkExpired.class)).isEqualTo(new CourseLinkExpired("47299",
                "Skriftlig kommunikation - sprog og sprogbrug", END,
                new SuccessorHint("22487", "Skriftlig kommunikation - sprog og sprogbrug", 1.0)));
        assertThat(expired.getEffectiveDate()).isEqualTo(DAY_AFTER);
        assertThat(expired.getRecordedAt()).isEqualTo(CLOCK_AT);
        assertThat(expired.getSource()).isEqualTo(new EventSource(null, null, "clock-1"));
        assertThat(expired.getSequence()).isEqualTo(first.snapshot().getHeadSequence() + 1);
        assertThat(expired.getPreviousHash()).isEqualTo(first.snapshot().getHeadHash());
    }

    @Test
    void shouldRecordTheExpiryAndTheNewHeadInTheSnapshot() {
        CatalogueSnapshot before = first.snapshot();

        ChangeSet changes = expiry.expire(before, DAY_AFTER, CLOCK_AT, "clock-1");

        assertThat(changes.snapshot()).isEqualTo(new CatalogueSnapshot(FKB, before.getTitle(),
                before.getCompetences(), before.getLinks(), before.getDocumentSha256(), before.getDocumentName(),
                CLOCK_AT, before.getHeadSequence() + 1, changes.events().get(0).getHash(),
                List.of(new ExpiredLink("47299", END))));
    }

    @Test
    void shouldExpireEachLinkOnlyOnce() {
        CatalogueSnapshot expired = expiry.expire(first.snapshot(), DAY_AFTER, CLOCK_AT, "clock-1").snapshot();

        assertThat(expiry.expire(expired, DAY_AFTER, CLOCK_AT, "clock-2").events()).isEmpty();
        assertThat(expiry.expire(expired, DAY_AFTER.plusDays(30), CLOCK_AT, "clock-3").events()).isEmpty();
    }

    @Test
    void shouldCatchUpWithAnEffectiveDateOfTheDayAfterTheEndWhenTheClockRunsLate() {
        ChangeSet changes = expiry.expire(first.snapshot(), LocalDate.of(2025, 8, 15), CLOCK_AT, "clock-1");

        assertThat(changes.events()).singleElement()
                .satisfies(e -> assertThat(e.getEffectiveDate()).isEqualTo(DAY_AFTER));
    }

    @Test
    void shouldNotExpireAtTheOldDateAnEndThatMovedLater() {
        CatalogueSnapshot moved = ingest(first.snapshot(),
                changed(links, "47299", b -> b.setLinkedTo(LocalDate.of(2025, 12, 31))), LocalDate.of(2025, 5, 1))
                .snapshot();

        assertThat(expiry.expire(moved, DAY_AFTER, CLOCK_AT, "clock-1").events()).isEmpty();
        assertThat(describe(expiry.expire(moved, LocalDate.of(2026, 1, 1), CLOCK_AT, "clock-2").events()))
                .containsExactly("CourseLinkExpired 47299");
    }

    @Test
    void shouldNotExpireAWithdrawnEnd() {
        CatalogueSnapshot withdrawn = ingest(first.snapshot(), changed(links, "47299", b -> b.setLinkedTo(null)),
                LocalDate.of(2025, 5, 1)).snapshot();

        assertThat(expiry.expire(withdrawn, DAY_AFTER, CLOCK_AT, "clock-1").events()).isEmpty();
    }

    @Test
    void shouldExpireAgainAtTheNewDateWhenAnExpiredEndMovesLater() {
        CatalogueSnapshot expired = expiry.expire(first.snapshot(), DAY_AFTER, CLOCK_AT, "clock-1").snapshot();
        CatalogueSnapshot extended = ingest(expired,
                changed(links, "47299", b -> b.setLinkedTo(LocalDate.of(2025, 9, 30))), LocalDate.of(2025, 8, 1))
                .snapshot();

        ChangeSet changes = expiry.expire(extended, LocalDate.of(2025, 10, 1), CLOCK_AT, "clock-2");

        assertThat(describe(changes.events())).containsExactly("CourseLinkExpired 47299");
        assertThat(changes.events().get(0).getEffectiveDate()).isEqualTo(LocalDate.of(2025, 10, 1));
        assertThat(changes.snapshot().getExpiredLinks()).containsExactly(new ExpiredLink("47299", END),
                new ExpiredLink("47299", LocalDate.of(2025, 9, 30)));
    }

    @Test
    void shouldExpireSeveralLinksInDocumentOrderAndContinueTheChain() {
        List<CourseLink> twoEnding = changed(links, "47298", b -> b.setLinkedTo(END));
        ChangeSet revised = ingest(first.snapshot(), twoEnding, LocalDate.of(2025, 5, 1));

        ChangeSet changes = expiry.expire(revised.snapshot(), DAY_AFTER, CLOCK_AT, "clock-1");

        assertThat(describe(changes.events())).containsExactly("CourseLinkExpired 47298", "CourseLinkExpired 47299");
        List<CatalogueEvent> history = new ArrayList<>(first.events());
        history.addAll(revised.events());
        history.addAll(changes.events());
        assertThat(EventChain.verify(history)).isTrue();
    }

    private ChangeSet ingest(CatalogueSnapshot previous, List<CourseLink> courses, LocalDate businessDate) {
        return diff.diff(FKB, previous, Fixtures.document(List.of("Markedsføring"), courses), null,
                origin(sha('d')), RECORDED_AT, businessDate);
    }
}
