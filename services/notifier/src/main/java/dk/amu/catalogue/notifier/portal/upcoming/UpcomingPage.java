package dk.amu.catalogue.notifier.portal.upcoming;

import java.time.Clock;
import java.util.List;

import dk.amu.catalogue.eventlog.CatalogueZone;
import dk.amu.catalogue.eventlog.LinkState;
import dk.amu.catalogue.notifier.links.LinkStore;
import dk.amu.catalogue.notifier.portal.Paging;
import dk.amu.catalogue.notifier.schools.Caller;
import dk.amu.catalogue.notifier.subscriptions.Subscription;
import dk.amu.catalogue.notifier.subscriptions.Subscriptions;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * {@code /upcoming}, "Kommende for jer": the links in the school's scope (any of its subscriptions'
 * filters admits them) that end within twelve months of today on the catalogue's clock, soonest
 * first, each with the course that likely replaces it and the warnings already sent about it.
 */
@Controller
class UpcomingPage {

    static final int PAGE_SIZE = 100;

    private final Subscriptions subscriptions;

    private final LinkStore links;

    private final UpcomingRows rows;

    private final Clock clock;

    UpcomingPage(Subscriptions subscriptions, LinkStore links, UpcomingRows rows, Clock clock) {
        this.subscriptions = subscriptions;
        this.links = links;
        this.rows = rows;
        this.clock = clock;
    }

    @GetMapping("/upcoming")
    String upcoming(@RequestParam(defaultValue = "1") String page, Model model, HttpServletRequest request) {
        var school = Caller.school(request);
        var today = CatalogueZone.today(clock);
        var until = today.plusMonths(12);
        var filters = subscriptions.ofSchool(school).stream().map(Subscription::filters).distinct().toList();
        var ending = filters.isEmpty() ? List.<LinkState>of()
                : links.endingBetween(today, until).stream().filter(l -> filters.stream().anyMatch(f -> f.covers(l))).toList();
        var paging = Paging.of(Paging.number(page), PAGE_SIZE, ending.size());
        model.addAttribute("rows", rows.of(school, today, ending.subList(paging.offset(), paging.last())));
        model.addAttribute("paging", paging);
        model.addAttribute("today", today);
        model.addAttribute("until", until);
        model.addAttribute("hasSubscriptions", !filters.isEmpty());
        return "portal/upcoming";
    }

}
