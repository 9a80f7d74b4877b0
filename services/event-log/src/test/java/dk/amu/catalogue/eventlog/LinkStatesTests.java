package dk.amu.catalogue.eventlog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;

import dk.amu.catalogue.events.v1.CatalogueEvent;
import dk.amu.catalogue.events.v1.CourseLinkEndScheduled;
import dk.amu.catalogue.events.v1.CourseLinkEndWithdrawn;
import dk.amu.catalogue.events.v1.CourseLinkExpired;
import dk.amu.catalogue.events.v1.CourseLinked;
import dk.amu.catalogue.events.v1.CourseUnlinked;
import dk.amu.catalogue.events.v1.EventSource;
import dk.amu.catalogue.events.v1.SuccessorHint;
import dk.amu.catalogue.snapshots.v1.CourseLink;

class LinkStatesTests {

    private static final LocalDate FROM = LocalDate.of(2024, 12, 19);

    private static final LocalDate TO = LocalDate.of(2025, 6, 30);

    private final CourseLink link = new CourseLink("47299", "Skriftlig kommunikation - sprog og sprogbrug", "AD",
            new BigDecimal("2.0"), FROM, null);

    private final SuccessorHint hint = new SuccessorHint("22487", "Skriftlig kommunikation - sprog og sprogbrug", 1.0);

    @Test
    void shouldCarryAnAnnouncedEndAndItsSuccessorAndDropBothWhenTheEndIsWithdrawn() {
        var events = chain(new EventDraft(new CourseLinked(link), FROM),
                new EventDraft(new CourseLinkEndScheduled("47299", link.getTitle(), TO, null, hint), LocalDate.of(2025, 3, 1)),
                new EventDraft(new CourseLinkEndWithdrawn("47299", link.getTitle(), TO), LocalDate.of(2025, 4, 1)));

        LinkState linked = LinkStates.apply(null, events.get(0));
        LinkState ending = LinkStates.apply(linked, events.get(1));
        LinkState withdrawn = LinkStates.apply(ending, events.get(2));

        assertThat(linked.linkedTo()).isNull();
        assertThat(ending.linkedTo()).isEqualTo(TO);
        assertThat(ending.successor()).isEqualTo(new LinkState.Successor("22487", hint.getTitle()));
        assertThat(ending.sequence()).isEqualTo(2);
        assertThat(withdrawn.linkedTo()).isNull();
        assertThat(withdrawn.successor()).isNull();
    }

    @Test
    void shouldTellTheStatusOnABusinessDate() {
        var events = chain(new EventDraft(new CourseLinked(link), FROM),
                new EventDraft(new CourseLinkEndScheduled("47299", link.getTitle(), TO, null, hint), LocalDate.of(2025, 3, 1)));
        LinkState ending = LinkStates.apply(LinkStates.apply(null, events.get(0)), events.get(1));

        assertThat(ending.statusOn(LocalDate.of(2024, 12, 18))).isEqualTo(LinkStatus.UPCOMING);
        assertThat(ending.statusOn(LocalDate.of(2025, 6, 1))).isEqualTo(LinkStatus.ENDING);
        assertThat(ending.statusOn(TO)).isEqualTo(LinkStatus.ENDING);
        assertThat(ending.statusOn(TO.plusDays(1))).isEqualTo(LinkStatus.EXPIRED);
        assertThat(LinkStates.apply(null, events.get(0)).statusOn(TO.plusDays(1))).isEqualTo(LinkStatus.ACTIVE);
    }

    @Test
    void shouldGiveTheSuccessorAnExpiryNamesASequenceOfItsOwn() {
        var ending = new CourseLink("47299", link.getTitle(), "AD", new BigDecimal("2.0"), FROM, TO);
        var events = chain(new EventDraft(new CourseLinked(ending), FROM),
                new EventDraft(new CourseLinkExpired("47299", link.getTitle(), TO, hint), TO.plusDays(1)),
                new EventDraft(new CourseLinkExpired("47299", link.getTitle(), TO, hint), TO.plusDays(2)));

        LinkState linked = LinkStates.apply(null, events.get(0));
        LinkState expired = LinkStates.apply(linked, events.get(1));

        assertThat(linked.successor()).as("CourseLinked names none").isNull();
        assertThat(expired.successor()).isEqualTo(new LinkState.Successor("22487", link.getTitle()));
        assertThat(expired.sequence()).as("a new version of the link, not the first one changed")
                .isEqualTo(events.get(1).getSequence()).isNotEqualTo(linked.sequence());
        assertThat(expired.recordedAt()).isEqualTo(events.get(1).getRecordedAt());
        assertThat(LinkStates.apply(expired, events.get(2))).as("nothing new to say").isSameAs(expired);
    }

    @Test
    void shouldBeUnlinkedFromTheDayOfTheRemovalOnly() {
        var events = chain(new EventDraft(new CourseLinked(link), FROM),
                new EventDraft(new CourseUnlinked(link, null), LocalDate.of(2025, 5, 1)));
        LinkState removed = LinkStates.apply(LinkStates.apply(null, events.get(0)), events.get(1));

        assertThat(removed.statusOn(LocalDate.of(2025, 4, 30))).isEqualTo(LinkStatus.ACTIVE);
        assertThat(removed.statusOn(LocalDate.of(2025, 5, 1))).isEqualTo(LinkStatus.UNLINKED);
    }

    @Test
    void shouldRefuseAChangeToALinkThatWasNeverMade() {
        var events = chain(new EventDraft(new CourseLinkEndWithdrawn("47299", link.getTitle(), TO), FROM));

        assertThatIllegalStateException().isThrownBy(() -> LinkStates.apply(null, events.get(0)))
                .withMessageContaining("course 47299, which it never linked");
    }

    private static List<CatalogueEvent> chain(EventDraft... drafts) {
        return EventChain.append(SampleEvents.FKB, 0, EventChain.GENESIS_HASH, List.of(drafts),
                new EventSource(null, null, "test"), Instant.parse("2025-03-01T11:00:00Z"));
    }
}
