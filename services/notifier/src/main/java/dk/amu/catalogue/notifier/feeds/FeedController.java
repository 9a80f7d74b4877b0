package dk.amu.catalogue.notifier.feeds;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;

import dk.amu.catalogue.eventlog.CatalogueZone;
import dk.amu.catalogue.eventlog.LinkState;
import dk.amu.catalogue.notifier.links.LinkStore;
import dk.amu.catalogue.notifier.matching.Texts;
import dk.amu.catalogue.notifier.outbox.CloudEvent;
import dk.amu.catalogue.notifier.subscriptions.Subscription;
import dk.amu.catalogue.notifier.subscriptions.SubscriptionRepository;
import dk.amu.catalogue.notifier.system.NotFoundException;
import dk.amu.catalogue.notifier.system.NotifierProperties;
import io.swagger.v3.oas.annotations.Operation;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.json.JsonMapper;

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

    private final LinkStore links;

    private final FeedNotices notices;

    private final JsonMapper json;

    private final NotifierProperties properties;

    private final Clock clock;

    FeedController(SubscriptionRepository subscriptions, LinkStore links, FeedNotices notices, JsonMapper json,
            NotifierProperties properties, Clock clock) {
        this.subscriptions = subscriptions;
        this.links = links;
        this.notices = notices;
        this.json = json;
        this.properties = properties;
        this.clock = clock;
    }

    @Operation(summary = "iCalendar feed: the end dates ahead in the subscription's scope, and the days its warnings fall due")
    @GetMapping("/feeds/{token}/calendar.ics")
    ResponseEntity<String> calendar(@PathVariable String token) {
        var s = subscription(token);
        var today = CatalogueZone.today(clock);
        var calendar = new ICalendar("AMU-kurser der udløber", clock.instant());
        var ending = inScope(s).stream().filter(l -> l.linkedTo() != null && l.unlinkedOn() == null
                && !l.linkedTo().isBefore(today)).sorted(Comparator.comparing(LinkState::linkedTo)).toList();
        for (var link : ending) {
            var what = "Kursus " + link.courseNumber() + " " + link.title();
            calendar.allDay(uid(s, link, 0), link.linkedTo(), what + " udløber",
                    what + " udløber i FKB " + link.fkbCode() + " efter " + Texts.date(link.linkedTo()) + ".");
            for (int lead : s.leadDays()) {
                var day = link.linkedTo().minusDays(lead);
                if (!day.isBefore(today)) {
                    calendar.allDay(uid(s, link, lead), day, "Advarsel: " + what + " udløber om " + lead + " dage",
                            Texts.warning(link.courseNumber(), link.title(), link.fkbCode(), link.linkedTo(), lead));
                }
            }
        }
        return ResponseEntity.ok().contentType(CALENDAR).body(calendar.end());
    }

    @Operation(summary = "Atom feed: the notices the subscription was given, newest first")
    @GetMapping("/feeds/{token}/atom.xml")
    ResponseEntity<String> atom(@PathVariable String token) {
        var s = subscription(token);
        var entries = notices.latest(s.id(), 200);
        var feed = new AtomFeed("urn:uuid:" + s.id(), "AMU-katalogets ændringer", "AMU catalogue notifier",
                entries.isEmpty() ? clock.instant() : entries.get(0).createdAt(), base() + "/feeds/" + token + "/atom.xml");
        for (var entry : entries) {
            var event = json.readValue(entry.event(), CloudEvent.class);
            feed.entry(entryId(s, entry), event.data().text(), entry.createdAt(), event.type(), event.data().text());
        }
        return ResponseEntity.ok().contentType(ATOM).body(feed.end());
    }

    private Subscription subscription(String token) {
        return subscriptions.byFeedToken(token).orElseThrow(() -> new NotFoundException(
                "no feed at this address; the subscription may have been deleted: copy the feed URL again from the school page"));
    }

    private List<LinkState> inScope(Subscription s) {
        var f = s.filters();
        var result = new ArrayList<LinkState>();
        for (var link : links.of(f.fkbCodes())) {
            if ((f.courseNumbers().isEmpty() || f.courseNumbers().contains(link.courseNumber()))
                    && (f.euuCodes().isEmpty() || f.euuCodes().contains(link.euu()))) {
                result.add(link);
            }
        }
        return result;
    }

    /** Calendar programs keep the UID to update an event in place: never change how it is made. */
    private static String uid(Subscription s, LinkState link, int lead) {
        return UUID.nameUUIDFromBytes((s.id() + "/" + link.fkbCode() + "/" + link.courseNumber() + "/" + link.linkedTo()
                + "/" + lead).getBytes(StandardCharsets.UTF_8)) + "@amu-catalogue";
    }

    /** Feed readers keep the entry id to show an entry once: never change how it is made. */
    private static String entryId(Subscription s, FeedNotices.Entry entry) {
        return "urn:uuid:" + UUID.nameUUIDFromBytes((s.id() + "/" + entry.noticeId()).getBytes(StandardCharsets.UTF_8));
    }

    private String base() {
        return properties.publicUrl().toString().replaceAll("/+$", "");
    }
}
