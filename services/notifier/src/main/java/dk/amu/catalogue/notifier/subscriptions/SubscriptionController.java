package dk.amu.catalogue.notifier.subscriptions;

import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonInclude;
import dk.amu.catalogue.eventlog.CatalogueZone;
import dk.amu.catalogue.notifier.links.LinkStore;
import dk.amu.catalogue.notifier.schools.Caller;
import io.swagger.v3.oas.annotations.Operation;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** A school's subscriptions; each school sees and changes only its own. */
@RestController
class SubscriptionController {

    record Feeds(URI ical, URI atom) {
    }

    /** A link in scope that ends soon, for the summary a school may ask for on creation. */
    record Ending(String fkbCode, String courseNumber, String title, LocalDate linkedTo) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Created(UUID id, String webhookSecret, Feeds feeds, List<Ending> ending) {
    }

    record SubscriptionView(UUID id, Set<String> fkbCodes, Set<String> courseNumbers, Set<String> euuCodes,
            Set<String> eventTypes, String webhookUrl, String email, List<Integer> leadDays, Subscription.Delivery delivery,
            int digestHour, String webhookSecret, Feeds feeds, Instant disabledAt, String disabledReason) {
    }

    private final Subscriptions subscriptions;

    private final LinkStore links;

    private final FeedUrls feedUrls;

    private final Clock clock;

    SubscriptionController(Subscriptions subscriptions, LinkStore links, FeedUrls feedUrls, Clock clock) {
        this.subscriptions = subscriptions;
        this.links = links;
        this.feedUrls = feedUrls;
        this.clock = clock;
    }

    @Operation(summary = "Subscribe: filters (empty = all), channels, lead days, delivery; answers the webhook secret and feed URLs")
    @PostMapping("/api/subscriptions")
    @ResponseStatus(HttpStatus.CREATED)
    Created create(@Valid @RequestBody SubscriptionRequest body, HttpServletRequest request) {
        var s = subscriptions.create(Caller.school(request), body);
        return new Created(s.id(), s.webhookSecret(), feeds(s), Boolean.TRUE.equals(body.summary()) ? ending(s) : null);
    }

    @Operation(summary = "The calling school's subscriptions")
    @GetMapping("/api/subscriptions")
    List<SubscriptionView> list(HttpServletRequest request) {
        return subscriptions.ofSchool(Caller.school(request)).stream().map(this::view).toList();
    }

    @GetMapping("/api/subscriptions/{id}")
    SubscriptionView get(@PathVariable UUID id, HttpServletRequest request) {
        return view(subscriptions.get(Caller.school(request), id));
    }

    @Operation(summary = "Replace a subscription's filters and channels; re-enables a disabled endpoint")
    @PutMapping("/api/subscriptions/{id}")
    SubscriptionView replace(@PathVariable UUID id, @Valid @RequestBody SubscriptionRequest body, HttpServletRequest request) {
        return view(subscriptions.replace(Caller.school(request), id, body));
    }

    @DeleteMapping("/api/subscriptions/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void delete(@PathVariable UUID id, HttpServletRequest request) {
        subscriptions.delete(Caller.school(request), id);
    }

    @Operation(summary = "A new webhook secret; the previous one keeps signing beside it for a while (24 h by default)")
    @PostMapping("/api/subscriptions/{id}/secret")
    SubscriptionView rotateSecret(@PathVariable UUID id, HttpServletRequest request) {
        return view(subscriptions.rotateSecret(Caller.school(request), id));
    }

    private SubscriptionView view(Subscription s) {
        var f = s.filters();
        return new SubscriptionView(s.id(), f.fkbCodes(), f.courseNumbers(), f.euuCodes(), f.eventTypes(), s.webhookUrl(),
                s.email(), s.leadDays(), s.delivery(), s.digestHour(), s.webhookSecret(), feeds(s), s.disabledAt(),
                s.disabledReason());
    }

    private Feeds feeds(Subscription s) {
        return new Feeds(feedUrls.calendar(s), feedUrls.atom(s));
    }

    private List<Ending> ending(Subscription s) {
        var today = CatalogueZone.today(clock);
        int longest = s.leadDays().isEmpty() ? 0 : Collections.max(s.leadDays());
        var f = s.filters();
        return links.of(f.fkbCodes()).stream()
                .filter(f::covers)
                .filter(l -> LinkStore.endsWithin(l, today, longest))
                .sorted(java.util.Comparator.comparing(dk.amu.catalogue.eventlog.LinkState::linkedTo))
                .map(l -> new Ending(l.fkbCode(), l.courseNumber(), l.title(), l.linkedTo()))
                .toList();
    }
}
