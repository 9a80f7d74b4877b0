package dk.amu.catalogue.audit.history;

import dk.amu.catalogue.eventlog.LinkState;
import dk.amu.catalogue.eventlog.PayloadVisitor;
import dk.amu.catalogue.events.v1.CatalogueEvent;
import dk.amu.catalogue.events.v1.CourseDetails;
import dk.amu.catalogue.events.v1.CourseDetailsChanged;
import dk.amu.catalogue.events.v1.CourseLinkEndScheduled;
import dk.amu.catalogue.events.v1.CourseLinkEndWithdrawn;
import dk.amu.catalogue.events.v1.CourseLinkExpired;
import dk.amu.catalogue.events.v1.CourseLinkStartChanged;
import dk.amu.catalogue.events.v1.CourseLinked;
import dk.amu.catalogue.events.v1.CourseUnlinked;
import dk.amu.catalogue.events.v1.FkbRevised;
import dk.amu.catalogue.events.v1.SuccessorHint;

/** A line of plain words per event, and its successor hint, for people reading a history. */
final class Changes implements PayloadVisitor<String> {

    static final Changes DESCRIBE = new Changes();

    static final PayloadVisitor<LinkState.Successor> SUCCESSOR = new Successors();

    @Override
    public String fkbRevised(CatalogueEvent event, FkbRevised payload) {
        return "revised as \"" + payload.getTitle() + "\"; competences +" + payload.getCompetencesAdded().size()
                + " -" + payload.getCompetencesRemoved().size();
    }

    @Override
    public String courseLinked(CatalogueEvent event, CourseLinked payload) {
        var link = payload.getLink();
        return "linked \"" + link.getTitle() + "\" from " + link.getLinkedFrom()
                + (link.getLinkedTo() == null ? ", open-ended" : " to " + link.getLinkedTo());
    }

    @Override
    public String courseLinkEndScheduled(CatalogueEvent event, CourseLinkEndScheduled payload) {
        return "ends " + payload.getLinkedTo() + (payload.getPreviousLinkedTo() == null ? " (was open-ended)"
                : " (was " + payload.getPreviousLinkedTo() + ")");
    }

    @Override
    public String courseLinkEndWithdrawn(CatalogueEvent event, CourseLinkEndWithdrawn payload) {
        return "end " + payload.getPreviousLinkedTo() + " withdrawn, open-ended again";
    }

    @Override
    public String courseLinkStartChanged(CatalogueEvent event, CourseLinkStartChanged payload) {
        return "starts " + payload.getLinkedFrom() + " (was " + payload.getPreviousLinkedFrom() + ")";
    }

    @Override
    public String courseDetailsChanged(CatalogueEvent event, CourseDetailsChanged payload) {
        return "details " + details(payload.getBefore()) + " -> " + details(payload.getAfter());
    }

    @Override
    public String courseUnlinked(CatalogueEvent event, CourseUnlinked payload) {
        return "removed from the document while valid";
    }

    @Override
    public String courseLinkExpired(CatalogueEvent event, CourseLinkExpired payload) {
        return "expired after " + payload.getLinkedTo();
    }

    private static String details(CourseDetails details) {
        return "\"" + details.getTitle() + "\" " + details.getEuu() + " " + details.getDurationDays().toPlainString() + " days";
    }

    private static final class Successors implements PayloadVisitor<LinkState.Successor> {

        @Override
        public LinkState.Successor fkbRevised(CatalogueEvent event, FkbRevised payload) {
            return null;
        }

        @Override
        public LinkState.Successor courseLinked(CatalogueEvent event, CourseLinked payload) {
            return null;
        }

        @Override
        public LinkState.Successor courseLinkEndScheduled(CatalogueEvent event, CourseLinkEndScheduled payload) {
            return of(payload.getSuccessor());
        }

        @Override
        public LinkState.Successor courseLinkEndWithdrawn(CatalogueEvent event, CourseLinkEndWithdrawn payload) {
            return null;
        }

        @Override
        public LinkState.Successor courseLinkStartChanged(CatalogueEvent event, CourseLinkStartChanged payload) {
            return null;
        }

        @Override
        public LinkState.Successor courseDetailsChanged(CatalogueEvent event, CourseDetailsChanged payload) {
            return null;
        }

        @Override
        public LinkState.Successor courseUnlinked(CatalogueEvent event, CourseUnlinked payload) {
            return of(payload.getSuccessor());
        }

        @Override
        public LinkState.Successor courseLinkExpired(CatalogueEvent event, CourseLinkExpired payload) {
            return of(payload.getSuccessor());
        }

        private static LinkState.Successor of(SuccessorHint hint) {
            return hint == null ? null : new LinkState.Successor(hint.getCourseNumber(), hint.getTitle());
        }
    }
}
