package dk.amu.catalogue.projections.links;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;

import dk.amu.catalogue.eventlog.LinkState.Successor;

/**
 * One version of a link on both time axes: valid in business time from {@code linkedFrom} through
 * {@code linkedTo} (until {@code unlinkedOn}, if removed); known from {@code recordedAt} until
 * {@code supersededAt} (null while it is the latest).
 *
 * @param changeType the event that made this version
 */
public record LinkVersion(long sequence, String changeType, Instant recordedAt, Instant supersededAt, String title,
        String euu, BigDecimal durationDays, LocalDate linkedFrom, LocalDate linkedTo, LocalDate unlinkedOn,
        Successor successor) {
}
