package dk.amu.catalogue.ingest.changes;

import dk.amu.catalogue.eventlog.EventDraft;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import dk.amu.catalogue.events.v1.CourseDetails;
import dk.amu.catalogue.events.v1.CourseDetailsChanged;
import dk.amu.catalogue.events.v1.CourseLinkEndScheduled;
import dk.amu.catalogue.events.v1.CourseLinkEndWithdrawn;
import dk.amu.catalogue.events.v1.CourseLinkStartChanged;
import dk.amu.catalogue.events.v1.CourseLinked;
import dk.amu.catalogue.events.v1.CourseUnlinked;
import dk.amu.catalogue.snapshots.v1.CourseLink;
import dk.amu.catalogue.snapshots.v1.ExpiredLink;

/**
 * The link-level differences between two versions of an FKB's table, matched by course number:
 * first the courses of the new table in its order, then the courses that left it in their old order.
 */
final class LinkChanges {

    private LinkChanges() {
    }

    static List<EventDraft> between(List<CourseLink> before, List<ExpiredLink> alreadyExpired,
            List<CourseLink> after, LocalDate businessDate) {
        Map<String, CourseLink> previous = byCourseNumber(before);
        Map<String, CourseLink> current = byCourseNumber(after);
        List<EventDraft> drafts = new ArrayList<>();
        for (CourseLink link : after) {
            drafts.addAll(changed(previous.get(link.getCourseNumber()), link, after, businessDate));
        }
        for (CourseLink link : before) {
            if (!current.containsKey(link.getCourseNumber())) {
                drafts.addAll(removed(link, alreadyExpired, after, businessDate));
            }
        }
        return drafts;
    }

    /** Rejects a table that lists a course twice, since matching by course number would lose a row. */
    static Map<String, CourseLink> byCourseNumber(List<CourseLink> links) {
        Map<String, CourseLink> byNumber = new LinkedHashMap<>();
        for (CourseLink link : links) {
            if (byNumber.putIfAbsent(link.getCourseNumber(), link) != null) {
                throw new IllegalArgumentException("course " + link.getCourseNumber() + " is listed twice");
            }
        }
        return byNumber;
    }

    private static List<EventDraft> changed(CourseLink before, CourseLink after, List<CourseLink> links,
            LocalDate businessDate) {
        if (before == null) {
            return List.of(new EventDraft(new CourseLinked(after), after.getLinkedFrom()));
        }
        String number = after.getCourseNumber();
        String title = after.getTitle();
        List<EventDraft> drafts = new ArrayList<>();
        if (!before.getLinkedFrom().equals(after.getLinkedFrom())) {
            drafts.add(new EventDraft(new CourseLinkStartChanged(number, title, after.getLinkedFrom(),
                    before.getLinkedFrom()), after.getLinkedFrom()));
        }
        if (after.getLinkedTo() != null && !after.getLinkedTo().equals(before.getLinkedTo())) {
            drafts.add(new EventDraft(new CourseLinkEndScheduled(number, title, after.getLinkedTo(),
                    before.getLinkedTo(), Successors.find(after, after.getLinkedTo(), links)), businessDate));
        } else if (after.getLinkedTo() == null && before.getLinkedTo() != null) {
            drafts.add(new EventDraft(new CourseLinkEndWithdrawn(number, title, before.getLinkedTo()), businessDate));
        }
        if (!sameDetails(before, after)) {
            drafts.add(new EventDraft(new CourseDetailsChanged(number, details(before), details(after)), businessDate));
        }
        return drafts;
    }

    /**
     * A course that leaves while valid is unlinked; one that had already expired is old news, unless
     * its expiry was never announced, which must not be lost.
     */
    private static List<EventDraft> removed(CourseLink link, List<ExpiredLink> alreadyExpired,
            List<CourseLink> linksAfter, LocalDate businessDate) {
        LocalDate linkedTo = link.getLinkedTo();
        if (linkedTo == null || !linkedTo.isBefore(businessDate)) {
            CourseUnlinked unlinked = new CourseUnlinked(link,
                    Successors.find(link, businessDate.minusDays(1), linksAfter));
            return List.of(new EventDraft(unlinked, businessDate));
        }
        if (Snapshots.isRecorded(alreadyExpired, link.getCourseNumber(), linkedTo)) {
            return List.of();
        }
        return List.of(ExpiryRule.expiry(link, linksAfter));
    }

    // Durations compare by value: 2 and 2.0 are the same number of days.
    private static boolean sameDetails(CourseLink before, CourseLink after) {
        return Objects.equals(before.getTitle(), after.getTitle())
                && Objects.equals(before.getEuu(), after.getEuu())
                && before.getDurationDays().compareTo(after.getDurationDays()) == 0;
    }

    private static CourseDetails details(CourseLink link) {
        return new CourseDetails(link.getTitle(), link.getEuu(), link.getDurationDays());
    }
}
