package dk.amu.catalogue.projections.changes;

import java.time.Instant;
import java.time.LocalDate;

import dk.amu.catalogue.eventlog.LinkState.Successor;

/**
 * One event of the change feed.
 *
 * @param type             the payload type, e.g. {@code CourseLinkEndScheduled}
 * @param courseNumber     the course the event is about; null for {@code FkbRevised}
 * @param courseTitle      the course's title after the event
 * @param linkedTo         the link's end date after the event; null when open-ended
 * @param previousLinkedTo the link's end date before the event
 * @param successor        "likely replaced by", while the link's end or removal is known
 */
public record Change(String eventId, String fkbCode, long sequence, String type, String courseNumber,
        String courseTitle, Instant recordedAt, LocalDate effectiveDate, LocalDate linkedTo,
        LocalDate previousLinkedTo, Successor successor, String documentName) {
}
