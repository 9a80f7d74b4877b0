package dk.amu.catalogue.projections.consuming;

import dk.amu.catalogue.eventlog.LinkStatus;

/**
 * "Current" in SQL: the statuses UPCOMING, ACTIVE and ENDING of {@link LinkStatus#on} (neither
 * removed by nor past its end on the date), for counts the database makes. Tested against
 * {@code LinkStatus} so the two never drift apart.
 */
public final class CurrentLinks {

    /** A condition on a row of {@code links} with the named parameter {@code :asOf}. */
    public static final String ON_AS_OF = "(unlinked_on is null or unlinked_on > :asOf) "
            + "and (linked_to is null or linked_to >= :asOf)";

    private CurrentLinks() {
    }
}
