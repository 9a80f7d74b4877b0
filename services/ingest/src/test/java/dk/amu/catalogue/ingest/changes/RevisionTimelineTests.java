package dk.amu.catalogue.ingest.changes;

import dk.amu.catalogue.eventlog.EventChain;
import static dk.amu.catalogue.ingest.changes.Fixtures.FKB;
import static dk.amu.catalogue.ingest.changes.Fixtures.VIDEN;
import static dk.amu.catalogue.ingest.changes.Fixtures.changed;
import static dk.amu.catalogue.ingest.changes.Fixtures.describe;
import static dk.amu.catalogue.ingest.changes.Fixtures.payload;
import static dk.amu.catalogue.ingest.changes.Fixtures.sha;
import static dk.amu.catalogue.ingest.changes.Fixtures.without;
import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.LongStream;

import org.junit.jupiter.api.Test;

import dk.amu.catalogue.events.v1.CatalogueEvent;
import dk.amu.catalogue.events.v1.CourseDetails;
import dk.amu.catalogue.events.v1.CourseDetailsChanged;
import dk.amu.catalogue.events.v1.CourseLinkEndScheduled;
import dk.amu.catalogue.events.v1.CourseLinkExpired;
import dk.amu.catalogue.ingest.document.FkbDocument;
import dk.amu.catalogue.snapshots.v1.CatalogueSnapshot;
import dk.amu.catalogue.snapshots.v1.CourseLink;

/**
 * Viden- og forretningsservice through three document versions and the expiry clock: v0 before the
 * 2025 courses, v1 as published (47299 and 47300 end 30-06-2025), v2 after they have gone.
 */
class RevisionTimelineTests {

    private static final List<CourseLink> PUBLISHED = Fixtures.links(VIDEN);
    private static final FkbDocument V0 = version(changed(changed(without(PUBLISHED, "22487", "22598", "22634"),
            "47299", b -> b.setLinkedTo(null)), "47300", b -> b.setLinkedTo(null)));
    private static final FkbDocument V1 = version(PUBLISHED);
    private static final FkbDocument V2 = version(changed(without(PUBLISHED, "47299", "47300"),
            "45511", b -> b.setDurationDays(new BigDecimal("3.0"))));

    private final CatalogueDiff diff = new CatalogueDiff();
    private final ExpiryRule expiry = new ExpiryRule();
    private final List<CatalogueEvent> history = new ArrayList<>();
    private CatalogueSnapshot state;

    @Test
    void shouldTellEveryChangeOnceAndKeepAnUnbrokenChain() {
        List<CatalogueEvent> v0 = ingest(V0, sha('0'), LocalDate.of(2025, 3, 1));
        assertThat(v0).hasSize(1 + 91);
        assertThat(describe(v0)).first().isEqualTo("FkbRevised");
        assertThat(describe(v0.subList(1, v0.size()))).allMatch(event -> event.startsWith("CourseLinked "))
                .doesNotContain("CourseLinked 22487", "CourseLinked 22598", "CourseLinked 22634");
        assertThat(ingest(V0, sha('0'), LocalDate.of(2025, 3, 1))).isEmpty();

        List<CatalogueEvent> v1 = ingest(V1, sha('1'), LocalDate.of(2025, 5, 1));
        assertThat(describe(v1)).containsExactly("FkbRevised", "CourseLinked 22487", "CourseLinked 22598",
                "CourseLinked 22634", "CourseLinkEndScheduled 47299", "CourseLinkEndScheduled 47300");
        assertThat(payload(v1.get(4), CourseLinkEndScheduled.class).getSuccessor().getCourseNumber()).isEqualTo("22487");
        assertThat(payload(v1.get(5), CourseLinkEndScheduled.class).getSuccessor()).isNull();
        assertThat(ingest(V1, sha('1'), LocalDate.of(2025, 5, 1))).isEmpty();

        assertThat(expire(LocalDate.of(2025, 6, 30))).isEmpty();
        List<CatalogueEvent> expired = expire(LocalDate.of(2025, 7, 1));
        assertThat(describe(expired)).containsExactly("CourseLinkExpired 47299", "CourseLinkExpired 47300");
        assertThat(expired).allSatisfy(e -> assertThat(e.getEffectiveDate()).isEqualTo(LocalDate.of(2025, 7, 1)));
        assertThat(payload(expired.get(0), CourseLinkExpired.class).getSuccessor().getCourseNumber()).isEqualTo("22487");
        assertThat(expire(LocalDate.of(2025, 7, 1))).isEmpty();
        assertThat(ingest(V1, sha('1'), LocalDate.of(2025, 7, 2))).isEmpty();

        List<CatalogueEvent> v2 = ingest(V2, sha('2'), LocalDate.of(2025, 9, 1));
        assertThat(describe(v2)).containsExactly("FkbRevised", "CourseDetailsChanged 45511");
        assertThat(payload(v2.get(1), CourseDetailsChanged.class).getAfter())
                .isEqualTo(new CourseDetails("Faglig læsning", "AP", new BigDecimal("3.0")));
        assertThat(ingest(V2, sha('2'), LocalDate.of(2025, 9, 1))).isEmpty();
        assertThat(expire(LocalDate.of(2025, 9, 2))).isEmpty();

        assertThat(history).hasSize(92 + 6 + 2 + 2);
        assertThat(history).extracting(CatalogueEvent::getSequence)
                .containsExactlyElementsOf(LongStream.rangeClosed(1, history.size()).boxed().toList());
        assertThat(EventChain.verify(history)).isTrue();
        assertThat(state.getHeadSequence()).isEqualTo(history.size());
        assertThat(state.getHeadHash()).isEqualTo(history.get(history.size() - 1).getHash());
        assertThat(state.getExpiredLinks()).isEmpty();
    }

    private List<CatalogueEvent> ingest(FkbDocument document, String documentSha256, LocalDate businessDate) {
        Instant recordedAt = businessDate.atStartOfDay().toInstant(ZoneOffset.UTC).plusSeconds(3600);
        DocumentOrigin origin = new DocumentOrigin(documentSha256, VIDEN + ".pdf", "ingest-" + businessDate);
        return apply(diff.diff(FKB, state, document, null, origin, recordedAt, businessDate));
    }

    private List<CatalogueEvent> expire(LocalDate today) {
        Instant recordedAt = today.atStartOfDay().toInstant(ZoneOffset.UTC).minusSeconds(7200);
        return apply(expiry.expire(state, today, recordedAt, "expiry-" + today));
    }

    private List<CatalogueEvent> apply(ChangeSet changes) {
        if (changes.hasChanges()) {
            history.addAll(changes.events());
            state = changes.snapshot();
        }
        return changes.events();
    }

    private static FkbDocument version(List<CourseLink> links) {
        return new FkbDocument(Fixtures.VIDEN_TITLE, Fixtures.competences(VIDEN), links);
    }
}
