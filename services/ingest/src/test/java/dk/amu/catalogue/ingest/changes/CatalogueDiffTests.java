package dk.amu.catalogue.ingest.changes;

import dk.amu.catalogue.eventlog.EventChain;
import static dk.amu.catalogue.ingest.changes.Fixtures.FKB;
import static dk.amu.catalogue.ingest.changes.Fixtures.RECORDED_AT;
import static dk.amu.catalogue.ingest.changes.Fixtures.VIDEN;
import static dk.amu.catalogue.ingest.changes.Fixtures.VIDEN_TITLE;
import static dk.amu.catalogue.ingest.changes.Fixtures.changed;
import static dk.amu.catalogue.ingest.changes.Fixtures.describe;
import static dk.amu.catalogue.ingest.changes.Fixtures.link;
import static dk.amu.catalogue.ingest.changes.Fixtures.origin;
import static dk.amu.catalogue.ingest.changes.Fixtures.payload;
import static dk.amu.catalogue.ingest.changes.Fixtures.sha;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;

import dk.amu.catalogue.events.v1.CatalogueEvent;
import dk.amu.catalogue.events.v1.CourseLinked;
import dk.amu.catalogue.events.v1.EventSource;
import dk.amu.catalogue.events.v1.FkbRevised;
import dk.amu.catalogue.ingest.document.FkbDocument;
import dk.amu.catalogue.snapshots.v1.CatalogueSnapshot;
import dk.amu.catalogue.snapshots.v1.CourseLink;

/** The FKB as a whole: first documents, revisions, re-ingestion, the chain and the new snapshot. */
class CatalogueDiffTests {

    private static final LocalDate BUSINESS_DATE = LocalDate.of(2025, 3, 1);

    private final CatalogueDiff diff = new CatalogueDiff();
    private final FkbDocument fixture = Fixtures.document(VIDEN);

    @Test
    void shouldReviseTheFkbAndLinkEveryCourseOfTheFirstDocument() {
        List<CatalogueEvent> events = diff.diff(FKB, null, fixture, null, origin(sha('a')), RECORDED_AT,
                BUSINESS_DATE).events();

        assertThat(events).hasSize(1 + 94);
        assertThat(payload(events.get(0), FkbRevised.class)).isEqualTo(
                new FkbRevised(VIDEN_TITLE, null, fixture.competences(), List.of()));
        assertThat(events.get(0).getEffectiveDate()).isEqualTo(BUSINESS_DATE);
        assertThat(events.subList(1, events.size())).extracting(e -> payload(e, CourseLinked.class).getLink())
                .containsExactlyElementsOf(fixture.links());
        assertThat(events.get(1).getEffectiveDate()).isEqualTo(LocalDate.of(2024, 12, 19));
        assertThat(events).extracting(CatalogueEvent::getSequence).startsWith(1L, 2L).endsWith(95L);
        assertThat(events).allSatisfy(e -> {
            assertThat(e.getFkbCode()).isEqualTo(FKB);
            assertThat(e.getRecordedAt()).isEqualTo(RECORDED_AT);
            assertThat(e.getSource()).isEqualTo(new EventSource(sha('a'), VIDEN + ".pdf", "ingestion-aaaa"));
        });
        assertThat(EventChain.verify(events)).isTrue();
    }

    @Test
    void shouldDescribeTheNewStateInTheSnapshot() {
        ChangeSet changes = diff.diff(FKB, null, fixture, null, origin(sha('a')), RECORDED_AT, BUSINESS_DATE);
        CatalogueEvent head = changes.events().get(changes.events().size() - 1);

        assertThat(changes.snapshot()).isEqualTo(new CatalogueSnapshot(FKB, VIDEN_TITLE, fixture.competences(),
                fixture.links(), sha('a'), VIDEN + ".pdf", RECORDED_AT, 95L, head.getHash(), List.of()));
    }

    @Test
    void shouldEmitNothingWhenTheSameContentIsIngestedAgain() {
        CatalogueSnapshot previous = diff.diff(FKB, null, fixture, null, origin(sha('a')), RECORDED_AT,
                BUSINESS_DATE).snapshot();
        FkbDocument sameContent = new FkbDocument(VIDEN_TITLE, fixture.competences(),
                changed(fixture.links(), "20925", b -> b.setDurationDays(new BigDecimal("2.00"))));

        ChangeSet changes = diff.diff(FKB, previous, sameContent, null, origin(sha('e')),
                RECORDED_AT.plusSeconds(60), LocalDate.of(2025, 4, 1));

        assertThat(changes.events()).isEmpty();
        assertThat(changes.hasChanges()).isFalse();
        assertThat(changes.snapshot()).isSameAs(previous);
    }

    @Test
    void shouldReviseTheFkbWhenOnlyTheTitleChanges() {
        CatalogueSnapshot previous = first(fixture);

        List<CatalogueEvent> events = diff.diff(FKB, previous, fixture, "Viden og forretningsservice (ny)",
                origin(sha('b')), RECORDED_AT, BUSINESS_DATE).events();

        assertThat(describe(events)).containsExactly("FkbRevised");
        assertThat(payload(events.get(0), FkbRevised.class)).isEqualTo(
                new FkbRevised("Viden og forretningsservice (ny)", VIDEN_TITLE, List.of(), List.of()));
        assertThat(events.get(0).getSequence()).isEqualTo(96L);
        assertThat(events.get(0).getPreviousHash()).isEqualTo(previous.getHeadHash());
    }

    @Test
    void shouldReportCompetencesAddedAndRemovedInDocumentOrder() {
        CatalogueSnapshot previous = first(document(List.of("Markedsføring", "Revision", "Eventudvikling")));

        List<CatalogueEvent> events = diff.diff(FKB, previous,
                document(List.of("Datahåndtering", "Revision", "Bæredygtighed")), null, origin(sha('b')),
                RECORDED_AT, BUSINESS_DATE).events();

        assertThat(payload(events.get(0), FkbRevised.class)).isEqualTo(new FkbRevised(VIDEN_TITLE, VIDEN_TITLE,
                List.of("Datahåndtering", "Bæredygtighed"), List.of("Markedsføring", "Eventudvikling")));
    }

    @Test
    void shouldNotReviseTheFkbForTheSameCompetencesInAnotherOrder() {
        CatalogueSnapshot previous = first(document(List.of("Markedsføring", "Revision")));

        assertThat(diff.diff(FKB, previous, document(List.of("Revision", "Markedsføring")), null, origin(sha('b')),
                RECORDED_AT, BUSINESS_DATE).events()).isEmpty();
    }

    @Test
    void shouldLetTheOperatorTitleWinOverTheDocumentTitle() {
        ChangeSet changes = diff.diff(FKB, null, fixture, "Operatørens titel", origin(sha('a')), RECORDED_AT,
                BUSINESS_DATE);

        assertThat(payload(changes.events().get(0), FkbRevised.class).getTitle()).isEqualTo("Operatørens titel");
        assertThat(changes.snapshot().getTitle()).isEqualTo("Operatørens titel");
    }

    @Test
    void shouldKeepThePreviousTitleWhenTheDocumentNamesNone() {
        CatalogueSnapshot previous = first(fixture);
        FkbDocument untitled = new FkbDocument(null, fixture.competences(), fixture.links());

        assertThat(diff.diff(FKB, previous, untitled, null, origin(sha('b')), RECORDED_AT, BUSINESS_DATE).events())
                .isEmpty();
    }

    @Test
    void shouldNameANewFkbByItsCodeWhenNoTitleIsKnown() {
        FkbDocument untitled = new FkbDocument(null, List.of(), List.of());

        ChangeSet changes = diff.diff(FKB, null, untitled, " ", origin(sha('a')), RECORDED_AT, BUSINESS_DATE);

        assertThat(describe(changes.events())).containsExactly("FkbRevised");
        assertThat(changes.snapshot().getTitle()).isEqualTo(FKB);
    }

    @Test
    void shouldGiveTheSameIdsAndHashesForTheSameInputs() {
        CatalogueSnapshot previous = first(fixture);
        FkbDocument next = new FkbDocument(VIDEN_TITLE, fixture.competences(), Fixtures.without(
                changed(fixture.links(), "47299", b -> b.setLinkedTo(LocalDate.of(2025, 2, 28))), "20925"));

        ChangeSet once = diff.diff(FKB, previous, next, null, origin(sha('b')), RECORDED_AT, BUSINESS_DATE);
        ChangeSet twice = diff.diff(FKB, previous, next, null, origin(sha('b')), RECORDED_AT, BUSINESS_DATE);

        assertThat(describe(once.events())).containsExactly("FkbRevised", "CourseLinkEndScheduled 47299",
                "CourseUnlinked 20925", "CourseLinkExpired 47299");
        assertThat(twice.events()).extracting(CatalogueEvent::getEventId)
                .containsExactlyElementsOf(once.events().stream().map(CatalogueEvent::getEventId).toList())
                .doesNotHaveDuplicates();
        assertThat(twice.events()).extracting(CatalogueEvent::getHash)
                .containsExactlyElementsOf(once.events().stream().map(CatalogueEvent::getHash).toList());
        assertThat(twice).isEqualTo(once);
    }

    @Test
    void shouldRejectTheSnapshotOfAnotherFkb() {
        CatalogueSnapshot previous = first(fixture);

        assertThatIllegalArgumentException().isThrownBy(() -> diff.diff("OTHER", previous, fixture, null,
                origin(sha('b')), RECORDED_AT, BUSINESS_DATE)).withMessageContaining("OTHER");
    }

    @Test
    void shouldRejectADocumentThatListsACourseTwice() {
        CourseLink twice = link("47298", "Referat- og notatteknik", "2024-12-19", null);
        FkbDocument document = new FkbDocument(VIDEN_TITLE, List.of(), List.of(twice, twice));

        assertThatIllegalArgumentException().isThrownBy(() -> diff.diff(FKB, null, document, null,
                origin(sha('a')), RECORDED_AT, BUSINESS_DATE)).withMessageContaining("47298");
    }

    private CatalogueSnapshot first(FkbDocument document) {
        return diff.diff(FKB, null, document, null, origin(sha('a')), RECORDED_AT, LocalDate.of(2025, 1, 15))
                .snapshot();
    }

    private FkbDocument document(List<String> competences) {
        return new FkbDocument(VIDEN_TITLE, competences, fixture.links());
    }
}
