package dk.amu.catalogue.notifier.matching;

import static dk.amu.catalogue.notifier.matching.Texts.course;
import static dk.amu.catalogue.notifier.matching.Texts.date;

import java.time.Instant;

import dk.amu.catalogue.eventlog.LinkState;
import dk.amu.catalogue.eventlog.PayloadVisitor;
import dk.amu.catalogue.eventlog.Payloads;
import dk.amu.catalogue.events.v1.CatalogueEvent;
import dk.amu.catalogue.events.v1.CourseDetailsChanged;
import dk.amu.catalogue.events.v1.CourseLinkEndScheduled;
import dk.amu.catalogue.events.v1.CourseLinkEndWithdrawn;
import dk.amu.catalogue.events.v1.CourseLinkExpired;
import dk.amu.catalogue.events.v1.CourseLinkStartChanged;
import dk.amu.catalogue.events.v1.CourseLinked;
import dk.amu.catalogue.events.v1.CourseUnlinked;
import dk.amu.catalogue.events.v1.FkbRevised;
import dk.amu.catalogue.events.v1.SuccessorHint;
import dk.amu.catalogue.notifier.outbox.CloudEvent;
import dk.amu.catalogue.notifier.outbox.Notice;
import dk.amu.catalogue.notifier.outbox.Subject;

/** A catalogue event as a notice: its CloudEvent, its Danish sentence, and the subject filters see. */
public final class EventNotices {

    private EventNotices() {
    }

    /**
     * @param before the link before the event (null for an FKB-level event or a first link)
     * @param after  the link after it
     */
    public static Notice of(CatalogueEvent event, LinkState before, LinkState after) {
        var type = Payloads.typeOf(event);
        var course = Payloads.courseNumberOf(event);
        var state = after != null ? after : before;
        var euus = new java.util.HashSet<String>();
        if (before != null) {
            euus.add(before.euu());
        }
        if (after != null) {
            euus.add(after.euu());
        }
        var subject = new Subject(event.getFkbCode(), course == null ? java.util.Set.of() : java.util.Set.of(course),
                course == null ? java.util.Set.of() : euus, type);
        var data = Payloads.dispatch(event, new Describe(state));
        // an expiry is the clock's, not a document's: it is mailed on its own
        var ingestion = event.getPayload() instanceof CourseLinkExpired ? null : event.getSource().getIngestionId();
        return new Notice(event.getEventId(), type, subject, null, null,
                CloudEvent.of(event.getEventId(), type, course, event.getRecordedAt(), data), ingestion);
    }

    private record Describe(LinkState link) implements PayloadVisitor<CloudEvent.Data> {

        @Override
        public CloudEvent.Data fkbRevised(CatalogueEvent event, FkbRevised p) {
            var text = p.getPreviousTitle() == null || p.getPreviousTitle().equals(p.getTitle())
                    ? "FKB " + p.getTitle() + " (" + event.getFkbCode() + ") er revideret."
                    : "FKB " + p.getPreviousTitle() + " (" + event.getFkbCode() + ") hedder nu " + p.getTitle() + ".";
            return data(event, null, p.getTitle(), null, null, null, text);
        }

        @Override
        public CloudEvent.Data courseLinked(CatalogueEvent event, CourseLinked p) {
            var l = p.getLink();
            var text = course(l.getCourseNumber(), l.getTitle()) + " er knyttet til FKB " + event.getFkbCode() + " fra "
                    + date(l.getLinkedFrom()) + (l.getLinkedTo() == null ? "." : " til " + date(l.getLinkedTo()) + ".");
            return data(event, l.getCourseNumber(), l.getTitle(), l.getLinkedFrom(), l.getLinkedTo(), null, text);
        }

        @Override
        public CloudEvent.Data courseLinkEndScheduled(CatalogueEvent event, CourseLinkEndScheduled p) {
            var successor = successor(p.getSuccessor());
            var text = course(p.getCourseNumber(), p.getTitle()) + " udgår af FKB " + event.getFkbCode() + " efter "
                    + date(p.getLinkedTo()) + (p.getPreviousLinkedTo() == null ? "."
                            : " (før " + date(p.getPreviousLinkedTo()) + ").") + Texts.successor(successor);
            return data(event, p.getCourseNumber(), p.getTitle(), null, p.getLinkedTo(), successor, text);
        }

        @Override
        public CloudEvent.Data courseLinkEndWithdrawn(CatalogueEvent event, CourseLinkEndWithdrawn p) {
            var text = "Slutdatoen " + date(p.getPreviousLinkedTo()) + " for " + course(p.getCourseNumber(), p.getTitle())
                    .toLowerCase(java.util.Locale.ROOT).charAt(0) + course(p.getCourseNumber(), p.getTitle()).substring(1)
                    + " i FKB " + event.getFkbCode() + " er trukket tilbage.";
            return data(event, p.getCourseNumber(), p.getTitle(), null, null, null, text);
        }

        @Override
        public CloudEvent.Data courseLinkStartChanged(CatalogueEvent event, CourseLinkStartChanged p) {
            var text = course(p.getCourseNumber(), p.getTitle()) + " er knyttet til FKB " + event.getFkbCode() + " fra "
                    + date(p.getLinkedFrom()) + " (før " + date(p.getPreviousLinkedFrom()) + ").";
            return data(event, p.getCourseNumber(), p.getTitle(), p.getLinkedFrom(), link == null ? null : link.linkedTo(),
                    null, text);
        }

        @Override
        public CloudEvent.Data courseDetailsChanged(CatalogueEvent event, CourseDetailsChanged p) {
            var a = p.getAfter();
            var text = course(p.getCourseNumber(), a.getTitle()) + " i FKB " + event.getFkbCode()
                    + " har nye oplysninger: EUU " + a.getEuu() + ", " + a.getDurationDays().stripTrailingZeros().toPlainString()
                    + " dage.";
            return data(event, p.getCourseNumber(), a.getTitle(), null, link == null ? null : link.linkedTo(), null, text);
        }

        @Override
        public CloudEvent.Data courseUnlinked(CatalogueEvent event, CourseUnlinked p) {
            var l = p.getLink();
            var successor = successor(p.getSuccessor());
            var text = course(l.getCourseNumber(), l.getTitle()) + " er fjernet fra FKB " + event.getFkbCode() + "."
                    + Texts.successor(successor);
            return data(event, l.getCourseNumber(), l.getTitle(), null, l.getLinkedTo(), successor, text);
        }

        @Override
        public CloudEvent.Data courseLinkExpired(CatalogueEvent event, CourseLinkExpired p) {
            var successor = successor(p.getSuccessor());
            var text = course(p.getCourseNumber(), p.getTitle()) + " er udløbet i FKB " + event.getFkbCode() + " efter "
                    + date(p.getLinkedTo()) + "." + Texts.successor(successor);
            return data(event, p.getCourseNumber(), p.getTitle(), null, p.getLinkedTo(), successor, text);
        }

        private static CloudEvent.Data data(CatalogueEvent event, String course, String title, java.time.LocalDate from,
                java.time.LocalDate to, CloudEvent.Successor successor, String text) {
            return new CloudEvent.Data(event.getEventId(), event.getFkbCode(), course, title, event.getEffectiveDate(),
                    from, to, null, null, successor, text);
        }

        private static CloudEvent.Successor successor(SuccessorHint hint) {
            return hint == null ? null : new CloudEvent.Successor(hint.getCourseNumber(), hint.getTitle());
        }
    }

    /** The summary of an FKB's first ingestion, instead of one notice per course; mailed once the ingestion is complete. */
    public static Notice tracked(String fkbCode, String title, String ingestionId, java.util.Collection<LinkState> links,
            Instant time) {
        var courses = new java.util.HashSet<String>();
        var euus = new java.util.HashSet<String>();
        links.forEach(l -> {
            courses.add(l.courseNumber());
            euus.add(l.euu());
        });
        var id = "tracked:" + fkbCode + ":" + ingestionId;
        var data = new CloudEvent.Data(null, fkbCode, null, title, null, null, null, null, courses.size(), null,
                Texts.tracked(fkbCode, title, courses.size()));
        return new Notice(id, Notice.FKB_TRACKED, new Subject(fkbCode, courses, euus, Notice.FKB_TRACKED), null, null,
                CloudEvent.of(id, Notice.FKB_TRACKED, null, time, data), ingestionId);
    }
}
