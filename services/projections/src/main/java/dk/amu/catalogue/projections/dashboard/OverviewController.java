package dk.amu.catalogue.projections.dashboard;

import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.stream.Collectors;

import dk.amu.catalogue.projections.fkbs.FkbQueries;
import dk.amu.catalogue.projections.fkbs.FkbSummary;
import dk.amu.catalogue.projections.rebuild.Rebuilds;
import dk.amu.catalogue.projections.stats.Stats;
import dk.amu.catalogue.projections.stats.Stats.MonthCount;
import dk.amu.catalogue.projections.stats.StatsQueries;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** The front page: the counts, every FKB, and the charts' months laid out without gaps. */
@Controller
class OverviewController {

    private static final int PAGE = 1000;

    private final StatsQueries stats;

    private final FkbQueries fkbs;

    private final Rebuilds rebuilds;

    OverviewController(StatsQueries stats, FkbQueries fkbs, Rebuilds rebuilds) {
        this.stats = stats;
        this.fkbs = fkbs;
        this.rebuilds = rebuilds;
    }

    @GetMapping("/")
    String overview(Model model) {
        var counts = stats.stats();
        var current = counts.linksPerFkb().stream().mapToLong(Stats.LinkCount::current).sum();
        model.addAttribute("page", new OverviewPage(counts.asOf(), counts.fkbs(), counts.links(), current, counts.changes(),
                allFkbs(), counts.linksPerFkb(), fromFirstChange(counts.changesPerMonth(), YearMonth.from(counts.asOf())),
                nextTwelveMonths(counts.expiriesPerMonth(), YearMonth.from(counts.asOf())),
                RebuildView.of(rebuilds.progress())));
        return "dashboard/overview";
    }

    private List<FkbSummary> allFkbs() {
        var all = new ArrayList<FkbSummary>();
        String cursor = null;
        do {
            var slice = fkbs.fkbs(cursor, PAGE);
            all.addAll(slice.items());
            cursor = slice.nextCursor();
        }
        while (cursor != null);
        return all;
    }

    /**
     * Every month from the first with a change to the last with one or {@code asOf}'s month, whichever
     * is later, so the chart's axis runs without gaps and shows the quiet months up to today.
     */
    static List<MonthCount> fromFirstChange(List<MonthCount> perMonth, YearMonth asOf) {
        if (perMonth.isEmpty()) {
            return List.of();
        }
        var months = perMonth.stream().map(m -> YearMonth.parse(m.month())).toList();
        var last = Collections.max(months);
        return everyMonth(perMonth, Collections.min(months), last.isAfter(asOf) ? last : asOf);
    }

    static List<MonthCount> nextTwelveMonths(List<MonthCount> perMonth, YearMonth first) {
        return everyMonth(perMonth, first, first.plusMonths(11));
    }

    /** The counts of each month from {@code from} through {@code to}, zero for a month without any. */
    static List<MonthCount> everyMonth(List<MonthCount> perMonth, YearMonth from, YearMonth to) {
        var counts = perMonth.stream().collect(Collectors.toMap(MonthCount::month, MonthCount::count));
        var months = new ArrayList<MonthCount>();
        for (var month = from; !month.isAfter(to); month = month.plusMonths(1)) {
            months.add(new MonthCount(month.toString(), counts.getOrDefault(month.toString(), 0L)));
        }
        return months;
    }
}
