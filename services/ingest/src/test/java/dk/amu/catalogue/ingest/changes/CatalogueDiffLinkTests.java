package dk.amu.catalogue.ingest.changes;

import static dk.amu.catalogue.ingest.changes.Fixtures.FKB;
import static dk.amu.catalogue.ingest.changes.Fixtures.RECORDED_AT;
import static dk.amu.catalogue.ingest.changes.Fixtures.changed;
import static dk.amu.catalogue.ingest.changes.Fixtures.describe;
import static dk.amu.catalogue.ingest.changes.Fixtures.link;
import static dk.amu.catalogue.ingest.changes.Fixtures.origin;
import static dk.amu.catalogue.ingest.changes.Fixtures.payload;
import static dk.amu.catalogue.ingest.changes.Fixtures.sha;
import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import dk.amu.catalogue.events.v1.CatalogueEvent;
import dk.amu.catalogue.events.v1.CourseDetails;
import dk.amu.catalogue.events.v1.CourseDetailsChanged;
import dk.amu.catalogue.events.v1.CourseLinkEndScheduled;
import dk.amu.catalogue.events.v1.CourseLinkEndWithdrawn;
import dk.amu.catalogue.events.v1.CourseLinkStartChanged;
import dk.amu.catalogue.events.v1.CourseLinked;
import dk.amu.catalogue.events.v1.SuccessorHint;
import dk.amu.catalogue.snapshots.v1.CatalogueSnapshot;
import dk.amu.catalogue.snapshots.v1.CourseLink;

/** Changes of courses that the new document still lists. */
class CatalogueDiffLinkTests {

    private static final LocalDate FIRST_DATE = LocalDate.of(2025, 1, 15);
    private static final LocalDate BUSINESS_DATE = LocalDate.of(2025, 5, 1);
    private static final List<String> COMPETENCES = List.of("Markedsføring", "Revision");

    private final CatalogueDiff diff = new CatalogueDiff();
    private final List<CourseLink> before = List.of(
            link("47298", "Referat- og notatteknik", "2024-12-19", null),
            link("47299", "Skriftlig kommunikation - sprog og sprogbrug", "2024-12-19", null),
            link("22487", "Skriftlig kommunikation - sprog og sprogbrug", "2025-01-28", null),
            link("47302", "Virksomhedens sprogpolitik i praksis", "2024-12-19", "2025-12-31"));
    private final CatalogueSnapshot previous = ingest(null, before, FIRST_DATE).snapshot();

    @Test
    void shouldLinkANewCourseEffectiveFromItsStart() {
        CourseLink added = link("22598", "Tekster til nettet - formulering og opbygning", "2025-02-12", null);
        List<CourseLink> after = new ArrayList<>(before);
        after.add(1, added);

        List<CatalogueEvent> events = ingest(previous, after, BUSINESS_DATE).events();

        assertThat(describe(events)).containsExactly("FkbRevised", "CourseLinked 22598");
        assertThat(payload(events.get(1), CourseLinked.class).getLink()).isEqualTo(added);
        assertThat(events.get(1).getEffectiveDate()).isEqualTo(LocalDate.of(2025, 2, 12));
    }

    @Test
    void shouldAnnounceAMovedStartEffectiveFromTheNewStart() {
        List<CatalogueEvent> events = ingest(previous,
                changed(before, "22487", b -> b.setLinkedFrom(LocalDate.of(2025, 2, 1))), BUSINESS_DATE).events();

        assertThat(describe(events)).containsExactly("FkbRevised", "CourseLinkStartChanged 22487");
        assertThat(payload(events.get(1), CourseLinkStartChanged.class)).isEqualTo(new CourseLinkStartChanged(
                "22487", "Skriftlig kommunikation - sprog og sprogbrug", LocalDate.of(2025, 2, 1),
                LocalDate.of(2025, 1, 28)));
        assertThat(events.get(1).getEffectiveDate()).isEqualTo(LocalDate.of(2025, 2, 1));
    }

    @Test
    void shouldScheduleTheEndOfAnOpenLinkWithItsLikelySuccessor() {
        List<CatalogueEvent> events = ingest(previous,
                changed(before, "47299", b -> b.setLinkedTo(LocalDate.of(2025, 6, 30))), BUSINESS_DATE).events();

        assertThat(describe(events)).containsExactly("FkbRevised", "CourseLinkEndScheduled 47299");
        assertThat(payload(events.get(1), CourseLinkEndScheduled.class)).isEqualTo(new CourseLinkEndScheduled(
                "47299", "Skriftlig kommunikation - sprog og sprogbrug", LocalDate.of(2025, 6, 30), null,
                new SuccessorHint("22487", "Skriftlig kommunikation - sprog og sprogbrug", 1.0)));
        assertThat(events.get(1).getEffectiveDate()).isEqualTo(BUSINESS_DATE);
    }

    @Test
    void shouldScheduleTheEndAgainWhenTheEndDateMoves() {
        List<CatalogueEvent> events = ingest(previous,
                changed(before, "47302", b -> b.setLinkedTo(LocalDate.of(2026, 6, 30))), BUSINESS_DATE).events();

        assertThat(describe(events)).containsExactly("FkbRevised", "CourseLinkEndScheduled 47302");
        CourseLinkEndScheduled scheduled = payload(events.get(1), CourseLinkEndScheduled.class);
        assertThat(scheduled.getLinkedTo()).isEqualTo(LocalDate.of(2026, 6, 30));
        assertThat(scheduled.getPreviousLinkedTo()).isEqualTo(LocalDate.of(2025, 12, 31));
        assertThat(scheduled.getSuccessor()).isNull();
    }

    @Test
    void shouldWithdrawAnEndDateThatDisappears() {
        List<CatalogueEvent> events = ingest(previous, changed(before, "47302", b -> b.setLinkedTo(null)),
                BUSINESS_DATE).events();

        assertThat(describe(events)).containsExactly("FkbRevised", "CourseLinkEndWithdrawn 47302");
        assertThat(payload(events.get(1), CourseLinkEndWithdrawn.class)).isEqualTo(new CourseLinkEndWithdrawn(
                "47302", "Virksomhedens sprogpolitik i praksis", LocalDate.of(2025, 12, 31)));
        assertThat(events.get(1).getEffectiveDate()).isEqualTo(BUSINESS_DATE);
    }

    @Test
    void shouldReportChangedDetailsBeforeAndAfter() {
        List<CatalogueEvent> events = ingest(previous, changed(before, "47298",
                b -> b.setTitle("Referat- og notatteknik i praksis").setEuu("AP").setDurationDays(new BigDecimal("3.0"))),
                BUSINESS_DATE).events();

        assertThat(describe(events)).containsExactly("FkbRevised", "CourseDetailsChanged 47298");
        assertThat(payload(events.get(1), CourseDetailsChanged.class)).isEqualTo(new CourseDetailsChanged("47298",
                new CourseDetails("Referat- og notatteknik", "AD", new BigDecimal("2.0")),
                new CourseDetails("Referat- og notatteknik i praksis", "AP", new BigDecimal("3.0"))));
        assertThat(events.get(1).getEffectiveDate()).isEqualTo(BUSINESS_DATE);
    }

    @Test
    void shouldNotTreatTheSameDurationWrittenWithAnotherScaleAsAChange() {
        ChangeSet changes = ingest(previous, changed(before, "47298", b -> b.setDurationDays(new BigDecimal("2"))),
                BUSINESS_DATE);

        assertThat(changes.events()).isEmpty();
    }

    @Test
    void shouldEmitEveryChangeThatAppliesToOneCourse() {
        List<CatalogueEvent> events = ingest(previous, changed(before, "47302", b -> b
                .setLinkedFrom(LocalDate.of(2025, 1, 1))
                .setLinkedTo(LocalDate.of(2026, 6, 30))
                .setEuu("AP")), BUSINESS_DATE).events();

        assertThat(describe(events)).containsExactly("FkbRevised", "CourseLinkStartChanged 47302",
                "CourseLinkEndScheduled 47302", "CourseDetailsChanged 47302");
    }

    @Test
    void shouldListChangesInTheOrderOfTheNewDocument() {
        List<CourseLink> after = changed(changed(before, "47302", b -> b.setLinkedTo(null)),
                "47298", b -> b.setEuu("AP"));
        List<CourseLink> reordered = List.of(after.get(3), after.get(2), after.get(1), after.get(0));

        List<CatalogueEvent> events = ingest(previous, reordered, BUSINESS_DATE).events();

        assertThat(describe(events)).containsExactly("FkbRevised", "CourseLinkEndWithdrawn 47302",
                "CourseDetailsChanged 47298");
    }

    private ChangeSet ingest(CatalogueSnapshot snapshot, List<CourseLink> links, LocalDate businessDate) {
        return diff.diff(FKB, snapshot, Fixtures.document(COMPETENCES, links), null, origin(sha('b')),
                RECORDED_AT, businessDate);
    }
}
