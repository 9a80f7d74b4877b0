package dk.amu.catalogue.projections.stats;

import java.time.LocalDate;
import java.util.List;

/**
 * Counts over the read models, as known now.
 *
 * @param asOf              the business date "current" refers to
 * @param linksPerFkb       per FKB code: every link it has made, and those current on {@code asOf}
 * @param linksPerEuu       per EUU (responsible committee): the same counts
 * @param changesPerMonth   per month of the events' effective date ({@code 2025-06}): how many events
 * @param expiriesPerMonth  per month of the links' end date: how many links end in it
 */
public record Stats(LocalDate asOf, long fkbs, long links, long changes, List<LinkCount> linksPerFkb,
        List<LinkCount> linksPerEuu, List<MonthCount> changesPerMonth, List<MonthCount> expiriesPerMonth) {

    /** @param current links neither expired nor removed on the date (UPCOMING, ACTIVE, ENDING) */
    public record LinkCount(String key, long links, long current) {
    }

    public record MonthCount(String month, long count) {
    }
}
