package dk.amu.catalogue.eventlog;

import java.time.LocalDate;

/**
 * What a course link is on a business date. One rule for every service, so the projections API,
 * the notifier and the audit tool give the same answer to the same question.
 */
public enum LinkStatus {

    /** Linked from a later date. */
    UPCOMING,
    /** Valid, with no end date. */
    ACTIVE,
    /** Valid, with an end date not yet passed. */
    ENDING,
    /** The end date has passed: expired from the day after it, 00:00 in Copenhagen. */
    EXPIRED,
    /** Removed from the FKB's document while it was still valid. */
    UNLINKED;

    /**
     * @param unlinkedOn the business date the link was removed, null while it is in the document
     */
    public static LinkStatus on(LocalDate asOf, LocalDate linkedFrom, LocalDate linkedTo, LocalDate unlinkedOn) {
        if (unlinkedOn != null && !asOf.isBefore(unlinkedOn)) {
            return UNLINKED;
        }
        if (asOf.isBefore(linkedFrom)) {
            return UPCOMING;
        }
        if (linkedTo == null) {
            return ACTIVE;
        }
        return asOf.isAfter(linkedTo) ? EXPIRED : ENDING;
    }
}
