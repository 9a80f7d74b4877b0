package dk.amu.catalogue.projections.dashboard;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import dk.amu.catalogue.eventlog.LinkStatus;
import dk.amu.catalogue.projections.fkbs.FkbDetail;
import dk.amu.catalogue.projections.fkbs.Revision;

/**
 * One FKB on a business date as known at a record time: its links and the document versions known then.
 *
 * @param knownAtInput the record time as the picker shows it (local Copenhagen time), empty for "now"
 * @param query        the search text the links were filtered by, empty for none
 * @param status       the status the links were filtered by, null for all
 * @param statusCounts per status, how many of the FKB's links (before the filters) have it on {@code asOf}
 */
record FkbPage(FkbDetail fkb, LocalDate asOf, Instant knownAt, String knownAtInput, String query, LinkStatus status,
        List<LinkRow> links, Map<LinkStatus, Long> statusCounts, List<Revision> revisions) {

    /** The statuses in the order the filter offers them. */
    public List<LinkStatus> statuses() {
        return List.of(LinkStatus.values());
    }

    /** How many of the FKB's links have this status on {@code asOf}. */
    public long count(LinkStatus status) {
        return statusCounts.getOrDefault(status, 0L);
    }

    /** How many links the FKB had at {@code knownAt}, before the filters. */
    public long total() {
        return statusCounts.values().stream().mapToLong(Long::longValue).sum();
    }
}
