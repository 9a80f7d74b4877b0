package dk.amu.catalogue.notifier.portal.deliveries;

import java.util.UUID;

import dk.amu.catalogue.notifier.schools.Caller;
import dk.amu.catalogue.notifier.webhooks.TestMessages;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;

/**
 * "Send testbesked": a signed {@code dk.amu.catalogue.Test} CloudEvent to the subscription's webhook,
 * through the same guard against internal addresses as every delivery, and the answer shown at once:
 * status, time, an excerpt. It is no delivery: it never touches the order or the retry state. From
 * htmx the answer replaces the form's result; without script it comes as a page of its own.
 */
@Controller
class TestMessagePage {

    private final TestMessages messages;

    TestMessagePage(TestMessages messages) {
        this.messages = messages;
    }

    @PostMapping("/subscriptions/{id}/test")
    String send(@PathVariable UUID id, Model model, HttpServletRequest request) {
        model.addAttribute("result", messages.send(Caller.school(request), id));
        model.addAttribute("subscriptionId", id);
        return request.getHeader("HX-Request") != null ? "portal/test-message :: result" : "portal/test-message-page";
    }
}
