package dk.amu.catalogue.audit.export;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

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
import dk.amu.catalogue.snapshots.v1.CourseLink;

/** The payload's fields, one value per column, whatever the payload type. */
record PayloadFields(String title, String previousTitle, String euu, BigDecimal durationDays, LocalDate linkedFrom,
        LocalDate linkedTo, LocalDate previousLinkedFrom, LocalDate previousLinkedTo, CourseDetails before,
        CourseDetails after, List<String> competencesAdded, List<String> competencesRemoved, SuccessorHint successor) {

    static final PayloadVisitor<PayloadFields> OF = new Flatten();

    private static PayloadFields link(CourseLink link, SuccessorHint successor) {
        return new PayloadFields(link.getTitle(), null, link.getEuu(), link.getDurationDays(), link.getLinkedFrom(),
                link.getLinkedTo(), null, null, null, null, null, null, successor);
    }

    private static final class Flatten implements PayloadVisitor<PayloadFields> {

        @Override
        public PayloadFields fkbRevised(CatalogueEvent event, FkbRevised payload) {
            return new PayloadFields(payload.getTitle(), payload.getPreviousTitle(), null, null, null, null, null, null,
                    null, null, payload.getCompetencesAdded(), payload.getCompetencesRemoved(), null);
        }

        @Override
        public PayloadFields courseLinked(CatalogueEvent event, CourseLinked payload) {
            return link(payload.getLink(), null);
        }

        @Override
        public PayloadFields courseLinkEndScheduled(CatalogueEvent event, CourseLinkEndScheduled payload) {
            return new PayloadFields(payload.getTitle(), null, null, null, null, payload.getLinkedTo(), null,
                    payload.getPreviousLinkedTo(), null, null, null, null, payload.getSuccessor());
        }

        @Override
        public PayloadFields courseLinkEndWithdrawn(CatalogueEvent event, CourseLinkEndWithdrawn payload) {
            return new PayloadFields(payload.getTitle(), null, null, null, null, null, null,
                    payload.getPreviousLinkedTo(), null, null, null, null, null);
        }

        @Override
        public PayloadFields courseLinkStartChanged(CatalogueEvent event, CourseLinkStartChanged payload) {
            return new PayloadFields(payload.getTitle(), null, null, null, payload.getLinkedFrom(), null,
                    payload.getPreviousLinkedFrom(), null, null, null, null, null, null);
        }

        @Override
        public PayloadFields courseDetailsChanged(CatalogueEvent event, CourseDetailsChanged payload) {
            var after = payload.getAfter();
            return new PayloadFields(after.getTitle(), null, after.getEuu(), after.getDurationDays(), null, null, null,
                    null, payload.getBefore(), after, null, null, null);
        }

        @Override
        public PayloadFields courseUnlinked(CatalogueEvent event, CourseUnlinked payload) {
            return link(payload.getLink(), payload.getSuccessor());
        }

        @Override
        public PayloadFields courseLinkExpired(CatalogueEvent event, CourseLinkExpired payload) {
            return new PayloadFields(payload.getTitle(), null, null, null, null, payload.getLinkedTo(), null, null, null,
                    null, null, null, payload.getSuccessor());
        }
    }
}
