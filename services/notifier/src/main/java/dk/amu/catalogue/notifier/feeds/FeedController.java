package dk.amu.catalogue.notifier.feeds;

import java.nio.charset.StandardCharsets;

import dk.amu.catalogue.notifier.subscriptions.Subscription;
import dk.amu.catalogue.notifier.subscriptions.SubscriptionRepository;
import dk.amu.catalogue.notifier.system.NotFoundException;
import io.swagger.v3.oas.annotations.Operation;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * A subscription's feeds, behind the secret token in their URL (calendar programs and feed readers
 * send no bearer token): the end dates and warning dates ahead as iCalendar, and what the
 * subscription was told as Atom.
 */
@RestController
class FeedController {

    private static final MediaType CALENDAR = new MediaType("text", "calendar", StandardCharsets.UTF_8);

    private static final MediaType ATOM = new MediaType("application", "atom+xml", StandardCharsets.UTF_8);

    private final SubscriptionRepository subscriptions;

    private final CalendarFeed calendar;

    private final NoticeFeed atom;

    FeedController(SubscriptionRepository subscriptions, CalendarFeed calendar, NoticeFeed atom) {
        this.subscriptions = subscriptions;
        this.calendar = calendar;
        this.atom = atom;
    }

    @Operation(summary = "iCalendar feed: the end dates ahead in the subscription's scope, and the days its warnings fall due")
    @GetMapping("/feeds/{token}/calendar.ics")
    ResponseEntity<String> calendar(@PathVariable String token) {
        return ResponseEntity.ok().contentType(CALENDAR).body(calendar.of(subscription(token)));
    }

    @Operation(summary = "Atom feed: the notices the subscription was given, newest first")
    @GetMapping("/feeds/{token}/atom.xml")
    ResponseEntity<String> atom(@PathVariable String token) {
        return ResponseEntity.ok().contentType(ATOM).body(atom.of(subscription(token), token));
    }

    private Subscription subscription(String token) {
        return subscriptions.byFeedToken(token).orElseThrow(() -> new NotFoundException(
                "no feed at this address; the subscription may have been deleted: copy the feed URL again from the school page"));
    }
}
