package dk.amu.catalogue.notifier.portal.upcoming;

import java.time.Clock;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import dk.amu.catalogue.eventlog.CatalogueZone;
import dk.amu.catalogue.eventlog.LinkState;
import dk.amu.catalogue.notifier.links.LikelyReplacements;
import dk.amu.catalogue.notifier.links.LinkCatalogue;
import dk.amu.catalogue.notifier.links.LinkStore;
import dk.amu.catalogue.notifier.outbox.SentWarnings;
import dk.amu.catalogue.notifier.outbox.SentWarnings.SentWarning;
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

    record Row(LocalDate linkedTo, String fkbCode, String fkbTitle, String courseNumber, String title,
            LinkState.Successor successor, List<SentWarning> warnings) {
    }

    record Key(String fkbCode, String courseNumber, LocalDate linkedTo) {
    }

    static final int PAGE_SIZE = 100;

    private final Subscriptions subscriptions;

    private final LinkStore links;

    private final LinkCatalogue catalogue;

    private final SentWarnings warnings;

    private final LikelyReplacements replacements;

    private final Clock clock;

    UpcomingPage(Subscriptions subscriptions, LinkStore links, LinkCatalogue catalogue, SentWarnings warnings,
            LikelyReplacements replacements, Clock clock) {
        this.subscriptions = subscriptions;
        this.links = links;
        this.catalogue = catalogue;
        this.warnings = warnings;
        this.replacements = replacements;
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
        var shown = replacements.of(ending.subList(paging.offset(), paging.last()));
        var fkbCodes = new HashSet<String>();
        shown.forEach(l -> fkbCodes.add(l.fkbCode()));
        var titles = catalogue.fkbTitles(fkbCodes);
        Map<Key, List<SentWarning>> sent = warnings.ofSchool(school, today).stream()
                .collect(Collectors.groupingBy(w -> new Key(w.fkbCode(), w.courseNumber(), w.linkedTo())));
        model.addAttribute("rows", shown.stream().map(l -> new Row(l.linkedTo(), l.fkbCode(), titles.get(l.fkbCode()),
                l.courseNumber(), l.title(), l.successor(),
                sent.getOrDefault(new Key(l.fkbCode(), l.courseNumber(), l.linkedTo()), List.of()))).toList());
        model.addAttribute("paging", paging);
        model.addAttribute("today", today);
        model.addAttribute("until", until);
        model.addAttribute("hasSubscriptions", !filters.isEmpty());
        return "portal/upcoming";
    }

}
