package dk.amu.catalogue.projections.dashboard;

import java.time.YearMonth;
import java.util.ArrayList;
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
                allFkbs(), counts.linksPerFkb(), counts.changesPerMonth(),
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

    static List<MonthCount> nextTwelveMonths(List<MonthCount> perMonth, YearMonth first) {
        var counts = perMonth.stream().collect(Collectors.toMap(MonthCount::month, MonthCount::count));
        var months = new ArrayList<MonthCount>(12);
        for (int i = 0; i < 12; i++) {
            var month = first.plusMonths(i).toString();
            months.add(new MonthCount(month, counts.getOrDefault(month, 0L)));
        }
        return months;
    }
}
