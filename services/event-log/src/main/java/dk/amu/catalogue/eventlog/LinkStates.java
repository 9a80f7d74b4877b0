package dk.amu.catalogue.eventlog;

import dk.amu.catalogue.eventlog.LinkState.Successor;
import dk.amu.catalogue.events.v1.CatalogueEvent;
import dk.amu.catalogue.events.v1.CourseDetailsChanged;
import dk.amu.catalogue.events.v1.CourseLinkEndScheduled;
import dk.amu.catalogue.events.v1.CourseLinkEndWithdrawn;
import dk.amu.catalogue.events.v1.CourseLinkExpired;
import dk.amu.catalogue.events.v1.CourseLinkStartChanged;
import dk.amu.catalogue.events.v1.CourseLinked;
import dk.amu.catalogue.events.v1.CourseUnlinked;
import dk.amu.catalogue.events.v1.FkbRevised;
import dk.amu.catalogue.snapshots.v1.CourseLink;

/**
 * The fold from a link's events to its state. Content follows record time (the latest event known);
 * business time enters through {@link LinkStatus#on}, from the dates the state carries.
 */
public final class LinkStates {

    private LinkStates() {
    }

    /**
     * The link after the event.
     *
     * @param before the link before it, null when the FKB has not linked the course yet
     * @return the new state; {@code before} itself when the event does not change the link (an FKB
     *         revision, an expiry, or an event of another link)
     */
    public static LinkState apply(LinkState before, CatalogueEvent event) {
        return Payloads.dispatch(event, new Fold(before));
    }

    private record Fold(LinkState before) implements PayloadVisitor<LinkState> {

        @Override
        public LinkState fkbRevised(CatalogueEvent event, FkbRevised payload) {
            return before;
        }

        @Override
        public LinkState courseLinked(CatalogueEvent event, CourseLinked payload) {
            // also a link that returns after a removal: it starts afresh
            CourseLink link = payload.getLink();
            return new LinkState(event.getFkbCode(), link.getCourseNumber(), link.getTitle(), link.getEuu(),
                    link.getDurationDays(), link.getLinkedFrom(), link.getLinkedTo(), null, null,
                    event.getSequence(), event.getRecordedAt());
        }

        @Override
        public LinkState courseLinkEndScheduled(CatalogueEvent event, CourseLinkEndScheduled payload) {
            return known(event).withEnd(payload.getLinkedTo(), Successor.of(payload.getSuccessor()));
        }

        @Override
        public LinkState courseLinkEndWithdrawn(CatalogueEvent event, CourseLinkEndWithdrawn payload) {
            return known(event).withEnd(null, null);
        }

        @Override
        public LinkState courseLinkStartChanged(CatalogueEvent event, CourseLinkStartChanged payload) {
            return known(event).withStart(payload.getLinkedFrom());
        }

        @Override
        public LinkState courseDetailsChanged(CatalogueEvent event, CourseDetailsChanged payload) {
            var after = payload.getAfter();
            return known(event).withDetails(after.getTitle(), after.getEuu(), after.getDurationDays());
        }

        @Override
        public LinkState courseUnlinked(CatalogueEvent event, CourseUnlinked payload) {
            Successor successor = Successor.of(payload.getSuccessor());
            return known(event).unlinked(event.getEffectiveDate(), successor);
        }

        @Override
        public LinkState courseLinkExpired(CatalogueEvent event, CourseLinkExpired payload) {
            // the end date already says it: expiry is a fact of business time, not a change of the link,
            // unless it names the first successor (a link that arrived with its end date set had none), which
            // changes the link at this event's sequence: each version of a link has a sequence of its own
            return before == null ? null : before.successor() != null || payload.getSuccessor() == null ? before
                    : before.changedBy(event).withEnd(before.linkedTo(), Successor.of(payload.getSuccessor()));
        }

        private LinkState known(CatalogueEvent event) {
            if (before == null) {
                throw new IllegalStateException("FKB " + event.getFkbCode() + " sequence " + event.getSequence()
                        + " changes course " + Payloads.courseNumberOf(event) + ", which it never linked");
            }
            return before.changedBy(event);
        }
    }
}
