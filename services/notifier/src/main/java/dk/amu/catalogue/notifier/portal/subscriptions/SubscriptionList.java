package dk.amu.catalogue.notifier.portal.subscriptions;

import dk.amu.catalogue.notifier.links.LinkCatalogue;
import dk.amu.catalogue.notifier.portal.Paging;
import dk.amu.catalogue.notifier.schools.Caller;
import dk.amu.catalogue.notifier.subscriptions.Subscriptions;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** {@code /subscriptions}: the school's subscriptions, newest first, fifty to a page, each linking to its own page. */
@Controller
class SubscriptionList {

    static final int PAGE_SIZE = 50;

    private final Subscriptions subscriptions;

    private final LinkCatalogue catalogue;

    SubscriptionList(Subscriptions subscriptions, LinkCatalogue catalogue) {
        this.subscriptions = subscriptions;
        this.catalogue = catalogue;
    }

    @GetMapping("/subscriptions")
    String list(@RequestParam(defaultValue = "1") String page, Model model, HttpServletRequest request) {
        var school = Caller.school(request);
        var paging = Paging.of(Paging.number(page), PAGE_SIZE, subscriptions.count(school));
        model.addAttribute("paging", paging);
        model.addAttribute("subscriptions",
                SubscriptionSummary.of(subscriptions.ofSchool(school, paging.offset(), PAGE_SIZE), catalogue));
        return "portal/subscriptions";
    }

}
