package dk.amu.catalogue.projections.links;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;

import dk.amu.catalogue.eventlog.LinkState;
import dk.amu.catalogue.eventlog.LinkState.Successor;
import dk.amu.catalogue.eventlog.LinkStatus;

/**
 * A course link as it stood at a record time, with its status on a business date.
 *
 * @param linkedTo   the last valid day; null when open-ended
 * @param unlinkedOn the business date the course was removed from the FKB while valid; else null
 * @param successor  "likely replaced by": null, or the course that likely replaces this one
 * @param recordedAt when the version shown was recorded
 */
public record LinkView(String fkbCode, String courseNumber, String title, String euu, BigDecimal durationDays,
        LocalDate linkedFrom, LocalDate linkedTo, LocalDate unlinkedOn, LinkStatus status, Successor successor,
        long sequence, Instant recordedAt) {

    static LinkView of(LinkState state, LocalDate asOf) {
        return new LinkView(state.fkbCode(), state.courseNumber(), state.title(), state.euu(), state.durationDays(),
                state.linkedFrom(), state.linkedTo(), state.unlinkedOn(), state.statusOn(asOf), state.successor(),
                state.sequence(), state.recordedAt());
    }
}
