package dk.amu.catalogue.eventlog;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;

import dk.amu.catalogue.events.v1.CatalogueEvent;
import dk.amu.catalogue.events.v1.SuccessorHint;

/**
 * One course link of one FKB as its events so far describe it: the fold every consumer shares
 * ({@link LinkStates#apply}). Record time is the {@code recordedAt} of the last event that changed it.
 *
 * @param unlinkedOn the business date the link was removed while valid; null while it is in the document
 * @param successor  the course that likely replaces it, while an end or a removal is known; else null
 * @param sequence   the FKB sequence of the last event that changed the link
 */
public record LinkState(String fkbCode, String courseNumber, String title, String euu, BigDecimal durationDays,
        LocalDate linkedFrom, LocalDate linkedTo, LocalDate unlinkedOn, Successor successor, long sequence,
        Instant recordedAt) {

    /** "Likely replaced by": derived by ingest from titles, not authoritative. */
    public record Successor(String courseNumber, String title) {

        static Successor of(SuccessorHint hint) {
            return hint == null ? null : new Successor(hint.getCourseNumber(), hint.getTitle());
        }
    }

    public LinkStatus statusOn(LocalDate asOf) {
        return LinkStatus.on(asOf, linkedFrom, linkedTo, unlinkedOn);
    }

    LinkState changedBy(CatalogueEvent event) {
        return new LinkState(fkbCode, courseNumber, title, euu, durationDays, linkedFrom, linkedTo, unlinkedOn,
                successor, event.getSequence(), event.getRecordedAt());
    }

    LinkState withEnd(LocalDate newLinkedTo, Successor newSuccessor) {
        return new LinkState(fkbCode, courseNumber, title, euu, durationDays, linkedFrom, newLinkedTo, unlinkedOn,
                newSuccessor, sequence, recordedAt);
    }

    LinkState withStart(LocalDate newLinkedFrom) {
        return new LinkState(fkbCode, courseNumber, title, euu, durationDays, newLinkedFrom, linkedTo, unlinkedOn,
                successor, sequence, recordedAt);
    }

    LinkState withDetails(String newTitle, String newEuu, BigDecimal newDuration) {
        return new LinkState(fkbCode, courseNumber, newTitle, newEuu, newDuration, linkedFrom, linkedTo, unlinkedOn,
                successor, sequence, recordedAt);
    }

    LinkState unlinked(LocalDate on, Successor newSuccessor) {
        return new LinkState(fkbCode, courseNumber, title, euu, durationDays, linkedFrom, linkedTo, on,
                newSuccessor, sequence, recordedAt);
    }
}
