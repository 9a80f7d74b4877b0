package dk.amu.catalogue.ingest.changes;

import static dk.amu.catalogue.ingest.changes.Fixtures.FKB;
import static dk.amu.catalogue.ingest.changes.Fixtures.RECORDED_AT;
import static dk.amu.catalogue.ingest.changes.Fixtures.changed;
import static dk.amu.catalogue.ingest.changes.Fixtures.describe;
import static dk.amu.catalogue.ingest.changes.Fixtures.link;
import static dk.amu.catalogue.ingest.changes.Fixtures.origin;
import static dk.amu.catalogue.ingest.changes.Fixtures.payload;
import static dk.amu.catalogue.ingest.changes.Fixtures.sha;
import static dk.amu.catalogue.ingest.changes.Fixtures.without;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;

import dk.amu.catalogue.events.v1.CatalogueEvent;
import dk.amu.catalogue.events.v1.CourseLinkExpired;
import dk.amu.catalogue.events.v1.CourseUnlinked;
import dk.amu.catalogue.events.v1.SuccessorHint;
import dk.amu.catalogue.snapshots.v1.CatalogueSnapshot;
import dk.amu.catalogue.snapshots.v1.CourseLink;
import dk.amu.catalogue.snapshots.v1.ExpiredLink;

/** Courses that leave the document, and links the document already lists as ended. */
class CatalogueDiffRemovalTests {

    private static final LocalDate FIRST_DATE = LocalDate.of(2025, 1, 15);
    private static final List<String> COMPETENCES = List.of("Markedsføring");
    private static final SuccessorHint SAME_TITLE =
            new SuccessorHint("22487", "Skriftlig kommunikation - sprog og sprogbrug", 1.0);

    private final CatalogueDiff diff = new CatalogueDiff();
    private final ExpiryRule expiry = new ExpiryRule();
    private final List<CourseLink> before = List.of(
            link("47298", "Referat- og notatteknik", "2024-12-19", null),
            link("47299", "Skriftlig kommunikation - sprog og sprogbrug", "2024-12-19", "2025-06-30"),
            link("47300", "Tekster på papir - formulering og opbygning", "2024-12-19", "2025-06-30"),
            link("22487", "Skriftlig kommunikation - sprog og sprogbrug", "2025-01-28", null));
    private final CatalogueSnapshot previous = ingest(null, before, FIRST_DATE).snapshot();

    @Test
    void shouldUnlinkAnOpenEndedCourseThatLeaves() {
        List<CatalogueEvent> events = ingest(previous, without(before, "47298"), LocalDate.of(2025, 5, 1)).events();

        assertThat(describe(events)).containsExactly("FkbRevised", "CourseUnlinked 47298");
        assertThat(payload(events.get(1), CourseUnlinked.class))
                .isEqualTo(new CourseUnlinked(before.get(0), null));
        assertThat(events.get(1).getEffectiveDate()).isEqualTo(LocalDate.of(2025, 5, 1));
    }

    @Test
    void shouldUnlinkACourseThatLeavesOnItsLastValidDayWithItsLikelySuccessor() {
        LocalDate lastDay = LocalDate.of(2025, 6, 30);

        List<CatalogueEvent> events = ingest(previous, without(before, "47299"), lastDay).events();

        assertThat(describe(events)).containsExactly("FkbRevised", "CourseUnlinked 47299");
        assertThat(payload(events.get(1), CourseUnlinked.class)).isEqualTo(new CourseUnlinked(before.get(1), SAME_TITLE));
    }

    @Test
    void shouldListCoursesThatLeaveInTheirPreviousOrderAfterTheOthers() {
        List<CourseLink> after = changed(without(before, "47298", "47300"), "22487", b -> b.setEuu("AP"));

        List<CatalogueEvent> events = ingest(previous, after, LocalDate.of(2025, 5, 1)).events();

        assertThat(describe(events)).containsExactly("FkbRevised", "CourseDetailsChanged 22487",
                "CourseUnlinked 47298", "CourseUnlinked 47300");
    }

    @Test
    void shouldSayNothingOfACourseThatLeavesAfterItsExpiryWasAnnounced() {
        CatalogueSnapshot expired = expiry.expire(previous, LocalDate.of(2025, 7, 1), RECORDED_AT, "clock").snapshot();

        ChangeSet changes = ingest(expired, without(before, "47299", "47300"), LocalDate.of(2025, 9, 1));

        assertThat(changes.events()).isEmpty();
        assertThat(changes.snapshot()).isSameAs(expired);
    }

    @Test
    void shouldAnnounceAMissedExpiryOnceWhenTheCourseLeaves() {
        ChangeSet changes = ingest(previous, without(before, "47299"), LocalDate.of(2025, 9, 1));

        assertThat(describe(changes.events())).containsExactly("FkbRevised", "CourseLinkExpired 47299",
                "CourseLinkExpired 47300");
        assertThat(payload(changes.events().get(1), CourseLinkExpired.class)).isEqualTo(new CourseLinkExpired(
                "47299", "Skriftlig kommunikation - sprog og sprogbrug", LocalDate.of(2025, 6, 30), SAME_TITLE));
        assertThat(changes.events().get(1).getEffectiveDate()).isEqualTo(LocalDate.of(2025, 7, 1));
        assertThat(changes.snapshot().getExpiredLinks())
                .containsExactly(new ExpiredLink("47300", LocalDate.of(2025, 6, 30)));
        assertThat(ingest(changes.snapshot(), without(before, "47299"), LocalDate.of(2025, 9, 2)).events()).isEmpty();
    }

    @Test
    void shouldExpireAtOnceALinkThatTheFirstDocumentListsAsEnded() {
        ChangeSet changes = ingest(null, before, LocalDate.of(2025, 9, 1));

        assertThat(describe(changes.events())).containsExactly("FkbRevised", "CourseLinked 47298",
                "CourseLinked 47299", "CourseLinked 47300", "CourseLinked 22487", "CourseLinkExpired 47299",
                "CourseLinkExpired 47300");
        assertThat(changes.events().get(5).getEffectiveDate()).isEqualTo(LocalDate.of(2025, 7, 1));
        assertThat(changes.snapshot().getExpiredLinks()).containsExactly(
                new ExpiredLink("47299", LocalDate.of(2025, 6, 30)), new ExpiredLink("47300", LocalDate.of(2025, 6, 30)));
    }

    @Test
    void shouldExpireAtOnceAnEndDateThatTheNewDocumentSetsInThePast() {
        List<CourseLink> after = changed(before, "47298", b -> b.setLinkedTo(LocalDate.of(2025, 4, 30)));

        ChangeSet changes = ingest(previous, after, LocalDate.of(2025, 5, 1));

        assertThat(describe(changes.events())).containsExactly("FkbRevised", "CourseLinkEndScheduled 47298",
                "CourseLinkExpired 47298");
        assertThat(changes.events().get(2).getEffectiveDate()).isEqualTo(LocalDate.of(2025, 5, 1));
    }

    @Test
    void shouldForgetTheExpiryOfACourseThatLeftSoThatItCanExpireAgainIfRelinked() {
        CatalogueSnapshot expired = expiry.expire(previous, LocalDate.of(2025, 7, 1), RECORDED_AT, "clock").snapshot();
        List<CourseLink> after = changed(without(before, "47300"), "47298", b -> b.setEuu("AP"));

        CatalogueSnapshot left = ingest(expired, after, LocalDate.of(2025, 9, 1)).snapshot();

        assertThat(left.getExpiredLinks()).containsExactly(new ExpiredLink("47299", LocalDate.of(2025, 6, 30)));
    }

    private ChangeSet ingest(CatalogueSnapshot snapshot, List<CourseLink> links, LocalDate businessDate) {
        return diff.diff(FKB, snapshot, Fixtures.document(COMPETENCES, links), null, origin(sha('c')),
                RECORDED_AT, businessDate);
    }
}
