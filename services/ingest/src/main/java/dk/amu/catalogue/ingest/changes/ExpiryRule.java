package dk.amu.catalogue.ingest.changes;

import dk.amu.catalogue.eventlog.EventDraft;
import dk.amu.catalogue.eventlog.EventChain;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import dk.amu.catalogue.events.v1.CatalogueEvent;
import dk.amu.catalogue.events.v1.CourseLinkExpired;
import dk.amu.catalogue.events.v1.EventSource;
import dk.amu.catalogue.snapshots.v1.CatalogueSnapshot;
import dk.amu.catalogue.snapshots.v1.CourseLink;
import dk.amu.catalogue.snapshots.v1.ExpiredLink;

/**
 * The expiry clock's decision: which links of an FKB have passed their end date and have not yet
 * been announced as expired. Stateless; the snapshot's expiredLinks is the memory that makes each
 * (course, end date) expire exactly once, and the link's current end date is the one that counts,
 * so an end date that moved later or was withdrawn in time never expires at the old date.
 */
public final class ExpiryRule {

    /**
     * @param current the FKB's latest snapshot
     * @param today the current calendar date in Europe/Copenhagen
     * @param recordedAt when the run observed the expiry
     * @param runId identifies the clock run; becomes the events' ingestionId
     * @return one CourseLinkExpired per link whose day after linkedTo has begun, or no events
     */
    public ChangeSet expire(CatalogueSnapshot current, LocalDate today, Instant recordedAt, String runId) {
        List<EventDraft> drafts = due(current.getLinks(), current.getExpiredLinks(), today);
        if (drafts.isEmpty()) {
            return ChangeSet.unchanged(current);
        }
        EventSource clock = new EventSource(null, null, runId);
        List<CatalogueEvent> events = EventChain.append(current.getFkbCode(), current.getHeadSequence(),
                current.getHeadHash(), drafts, clock, recordedAt);
        return new ChangeSet(events, Snapshots.afterExpiry(current, events, recordedAt));
    }

    static List<EventDraft> due(List<CourseLink> links, List<ExpiredLink> alreadyExpired, LocalDate today) {
        List<EventDraft> drafts = new ArrayList<>();
        for (CourseLink link : links) {
            LocalDate linkedTo = link.getLinkedTo();
            if (linkedTo != null && !linkedTo.plusDays(1).isAfter(today)
                    && !Snapshots.isRecorded(alreadyExpired, link.getCourseNumber(), linkedTo)) {
                drafts.add(expiry(link, links));
            }
        }
        return drafts;
    }

    /** CourseLinkExpired for a link, effective the first day it is no longer valid. */
    static EventDraft expiry(CourseLink link, List<CourseLink> linksAfter) {
        LocalDate linkedTo = link.getLinkedTo();
        CourseLinkExpired expired = new CourseLinkExpired(link.getCourseNumber(), link.getTitle(), linkedTo,
                Successors.find(link, linkedTo, linksAfter));
        return new EventDraft(expired, linkedTo.plusDays(1));
    }
}
