package dk.amu.catalogue.projections.dashboard;

import java.time.LocalDate;
import java.util.List;

import dk.amu.catalogue.projections.fkbs.FkbSummary;
import dk.amu.catalogue.projections.stats.Stats.LinkCount;
import dk.amu.catalogue.projections.stats.Stats.MonthCount;

/**
 * The front page: counts, the FKBs, and the three charts' data (each also shown as a table).
 *
 * @param currentLinks     links neither expired nor removed today
 * @param changesPerMonth  events per month of their effective date, every month from the first with one through
 *                         the last or this month (whichever is later), months without any included
 * @param expiriesNextYear links ending in each of the next 12 months, this month first, months without any included
 */
record OverviewPage(LocalDate today, long fkbCount, long links, long currentLinks, long changes,
        List<FkbSummary> fkbs, List<LinkCount> linksPerFkb, List<MonthCount> changesPerMonth,
        List<MonthCount> expiriesNextYear, RebuildView rebuild) {
}
