package dk.amu.catalogue.notifier.portal.deliveries;

import java.time.Instant;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

import dk.amu.catalogue.notifier.outbox.DeliveryAttempts;
import dk.amu.catalogue.notifier.outbox.DeliveryViews;
import dk.amu.catalogue.notifier.portal.Pages;
import dk.amu.catalogue.notifier.schools.Caller;
import dk.amu.catalogue.notifier.system.NotFoundException;
import dk.amu.catalogue.notifier.webhooks.Redrives;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.View;

/**
 * The school's deliveries, newest first, 50 a page (a school with 100,000 pages forward by id, never
 * by offset), filtered by status; each one's attempts with the receiver's answers and the next
 * retry; and sending dead ones again, one or all.
 */
@Controller
class DeliveriesPage {

    static final int PAGE = 50;

    private static final Set<String> STATUSES = Set.of("PENDING", "DELIVERED", "DEAD");

    private final DeliveryViews deliveries;

    private final DeliveryAttempts attempts;

    private final Redrives redrives;

    DeliveriesPage(DeliveryViews deliveries, DeliveryAttempts attempts, Redrives redrives) {
        this.deliveries = deliveries;
        this.attempts = attempts;
        this.redrives = redrives;
    }

    @GetMapping("/deliveries")
    String list(@RequestParam Optional<String> status, @RequestParam Optional<Long> before,
            @RequestParam Optional<Integer> redriven, Model model, HttpServletRequest request) {
        var wanted = status.filter(s -> !s.isBlank()).map(s -> s.toUpperCase(Locale.ROOT)).filter(STATUSES::contains);
        var rows = deliveries.ofSchool(Caller.school(request), wanted, Optional.empty(), before, PAGE + 1);
        model.addAttribute("status", wanted.orElse(""));
        model.addAttribute("deliveries", rows.subList(0, Math.min(PAGE, rows.size())));
        model.addAttribute("next", rows.size() > PAGE ? rows.get(PAGE - 1).id() : null);
        model.addAttribute("redriven", redriven.orElse(null));
        return "portal/deliveries";
    }

    @GetMapping("/deliveries/{id}")
    String detail(@PathVariable long id, @RequestParam Optional<Boolean> redriven, Model model, HttpServletRequest request) {
        var detail = attempts.detail(Caller.school(request), id)
                .orElseThrow(() -> new NotFoundException("I har ingen levering " + id + "."));
        model.addAttribute("detail", detail);
        model.addAttribute("d", detail.delivery());
        model.addAttribute("redriven", redriven.orElse(false));
        return "portal/delivery";
    }

    @PostMapping("/deliveries/{id}/redrive")
    View redrive(@PathVariable long id, HttpServletRequest request) {
        if (!redrives.one(Caller.school(request), id)) {
            throw new NotFoundException("I har ingen opgivet levering " + id + ".");
        }
        return Pages.seeOther("/deliveries/" + id + "?redriven=true");
    }

    @PostMapping("/deliveries/redrive")
    View redriveAll(HttpServletRequest request) {
        int count = redrives.since(Caller.school(request), Instant.EPOCH);
        return Pages.seeOther("/deliveries?status=DEAD&redriven=" + count);
    }
}
