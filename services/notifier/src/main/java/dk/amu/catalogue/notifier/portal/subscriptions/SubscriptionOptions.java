package dk.amu.catalogue.notifier.portal.subscriptions;

import java.util.List;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The searchable lists of the subscription form, as htmx asks for them while a person types: a
 * fragment of checkboxes, those already chosen ticked. The search field sends the chosen codes along,
 * so a ticked box stays ticked in a new search.
 */
@Controller
class SubscriptionOptions {

    private final SubscriptionChoices choices;

    SubscriptionOptions(SubscriptionChoices choices) {
        this.choices = choices;
    }

    @GetMapping("/subscriptions/options/fkbs")
    String fkbs(@RequestParam(defaultValue = "") String q, @RequestParam(defaultValue = "") List<String> fkbCodes,
            Model model) {
        model.addAttribute("options", choices.fkbs(q, fkbCodes));
        return "portal/subscription-options :: options";
    }

    @GetMapping("/subscriptions/options/courses")
    String courses(@RequestParam(defaultValue = "") String q, @RequestParam(defaultValue = "") List<String> courseNumbers,
            Model model) {
        model.addAttribute("options", choices.courses(q, courseNumbers));
        return "portal/subscription-options :: options";
    }
}
