package dk.amu.catalogue.projections.dashboard;

import java.time.LocalDate;
import java.util.List;

import dk.amu.catalogue.projections.changes.Change;

/**
 * A page of the change feed, newest first.
 *
 * @param fkb   the FKB filter, empty for all
 * @param type  the event type filter, empty for all
 * @param since only changes recorded on or after this day; null for all
 * @param next  the URL of the next (older) page; null on the last
 * @param types every event type, for the filter
 * @param fkbCodes every FKB code, for the filter
 */
record ChangesPage(List<Change> changes, String fkb, String type, LocalDate since, String next, List<String> types,
        List<String> fkbCodes) {
}
