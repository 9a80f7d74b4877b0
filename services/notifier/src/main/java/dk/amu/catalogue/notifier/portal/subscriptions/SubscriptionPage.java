package dk.amu.catalogue.notifier.portal.subscriptions;

import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import dk.amu.catalogue.notifier.links.LinkCatalogue;
import dk.amu.catalogue.notifier.portal.Pages;
import dk.amu.catalogue.notifier.schools.Caller;
import dk.amu.catalogue.notifier.subscriptions.FeedUrls;
import dk.amu.catalogue.notifier.subscriptions.Subscription;
import dk.amu.catalogue.notifier.subscriptions.Subscriptions;
import dk.amu.catalogue.notifier.system.InvalidRequestException;
import dk.amu.catalogue.notifier.system.NotFoundException;
import dk.amu.catalogue.notifier.system.NotifierProperties;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;

/**
 * A subscription's own page, and the one form that creates and edits it: its secret and feeds to
 * copy, the secret's rotation, and deleting it behind a confirmation. A refused form comes back as
 * it was sent, each problem in Danish beside its field, and nothing is saved. Another school's
 * subscription is not found, as in the API.
 */
@Controller
class SubscriptionPage {

    /** The field a refusal is shown beside, for the links of the summary above the form. */
    static final Map<String, String> FIELD_IDS = Map.of("courseNumbers", "course-search", "eventTypes", "eventTypes",
            "channels", "webhookUrl", "webhookUrl", "webhookUrl", "email", "email", "leadDays", "leadDays", "delivery",
            "delivery-immediate", "digestHour", "digestHour", "form", "subscription-form");

    private final Subscriptions subscriptions;

    private final SubscriptionChoices choices;

    private final LinkCatalogue catalogue;

    private final FeedUrls feeds;

    private final NotifierProperties properties;

    private final Clock clock;

    SubscriptionPage(Subscriptions subscriptions, SubscriptionChoices choices, LinkCatalogue catalogue, FeedUrls feeds,
            NotifierProperties properties, Clock clock) {
        this.subscriptions = subscriptions;
        this.choices = choices;
        this.catalogue = catalogue;
        this.feeds = feeds;
        this.properties = properties;
        this.clock = clock;
    }

    @GetMapping("/subscriptions/new")
    String blank(Model model) {
        return page(model, SubscriptionForm.blank(), Map.of(), null);
    }

    @PostMapping("/subscriptions")
    Object create(@ModelAttribute("form") SubscriptionForm form, Model model, HttpServletRequest request,
            HttpServletResponse response) {
        var school = Caller.school(request);
        var errors = form.errors();
        if (errors.isEmpty()) {
            try {
                return Pages.seeOther("/subscriptions/" + subscriptions.create(school, form.request()).id() + "?created");
            }
            catch (InvalidRequestException ex) {
                errors = refused(ex, model);
            }
        }
        response.setStatus(HttpStatus.UNPROCESSABLE_ENTITY.value());
        return page(model, form, errors, null);
    }

    @GetMapping("/subscriptions/{id}")
    String show(@PathVariable String id, Model model, HttpServletRequest request) {
        var subscription = subscription(id, request);
        return page(model, SubscriptionForm.of(subscription), Map.of(), subscription);
    }

    @PostMapping("/subscriptions/{id}")
    Object update(@PathVariable String id, @ModelAttribute("form") SubscriptionForm form, Model model,
            HttpServletRequest request, HttpServletResponse response) {
        var subscription = subscription(id, request);
        var errors = form.errors();
        if (errors.isEmpty()) {
            try {
                subscriptions.replace(subscription.schoolId(), subscription.id(), form.request());
                return Pages.seeOther("/subscriptions/" + subscription.id() + "?saved");
            }
            catch (InvalidRequestException ex) {
                errors = refused(ex, model);
            }
        }
        response.setStatus(HttpStatus.UNPROCESSABLE_ENTITY.value());
        return page(model, form, errors, subscription);
    }

    /** A new secret; the old one goes on signing for the overlap, and the page shows until when. */
    @PostMapping("/subscriptions/{id}/secret")
    Object rotate(@PathVariable String id, HttpServletRequest request) {
        var subscription = subscription(id, request);
        subscriptions.rotateSecret(subscription.schoolId(), subscription.id());
        return Pages.seeOther("/subscriptions/" + subscription.id() + "#secret");
    }

    @GetMapping("/subscriptions/{id}/delete")
    String confirmDelete(@PathVariable String id, Model model, HttpServletRequest request) {
        var subscription = subscription(id, request);
        model.addAttribute("summary", SubscriptionSummary.of(List.of(subscription), catalogue).get(0));
        return "portal/subscription-delete";
    }

    @PostMapping("/subscriptions/{id}/delete")
    Object delete(@PathVariable String id, HttpServletRequest request) {
        var subscription = subscription(id, request);
        subscriptions.delete(subscription.schoolId(), subscription.id());
        return Pages.seeOther("/subscriptions?deleted");
    }

    private String page(Model model, SubscriptionForm form, Map<String, String> errors, Subscription subscription) {
        model.addAttribute("form", form);
        model.addAttribute("errors", errors);
        model.addAttribute("fieldIds", FIELD_IDS);
        model.addAttribute("subscription", subscription);
        choices.addTo(model, form);
        if (subscription != null) {
            model.addAttribute("calendarUrl", feeds.calendar(subscription).toString());
            model.addAttribute("atomUrl", feeds.atom(subscription).toString());
            var until = subscription.previousSecretUntil();
            var overlapping = subscription.previousSecret() != null && until != null && clock.instant().isBefore(until);
            model.addAttribute("previousUntil", overlapping ? until : null);
            model.addAttribute("overlapHours", properties.webhooks().secretOverlap().toHours());
        }
        return "portal/subscription";
    }

    private static Map<String, String> refused(InvalidRequestException ex, Model model) {
        model.addAttribute("refusal", ex.getMessage());
        return RefusedSubscription.errors(ex);
    }

    /** The school's own subscription; an id that is not one, or is another school's, is not found. */
    private Subscription subscription(String id, HttpServletRequest request) {
        UUID uuid;
        try {
            uuid = UUID.fromString(id);
        }
        catch (IllegalArgumentException ex) {
            throw new NotFoundException("no subscription " + id);
        }
        return subscriptions.get(Caller.school(request), uuid);
    }
}
