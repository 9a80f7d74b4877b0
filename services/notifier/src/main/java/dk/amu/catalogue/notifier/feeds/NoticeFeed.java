package dk.amu.catalogue.notifier.feeds;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.UUID;

import dk.amu.catalogue.notifier.outbox.CloudEvent;
import dk.amu.catalogue.notifier.subscriptions.Subscription;
import dk.amu.catalogue.notifier.system.NotifierProperties;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/** What a subscription was told, newest first, as an Atom feed. */
@Component
class NoticeFeed {

    /** The notifier's public URL, without a trailing slash. */
    private final String base;

    private final FeedNotices notices;

    private final JsonMapper json;

    private final Clock clock;

    NoticeFeed(FeedNotices notices, JsonMapper json, NotifierProperties properties, Clock clock) {
        this.base = properties.publicUrl().toString().replaceAll("/+$", "");
        this.notices = notices;
        this.json = json;
        this.clock = clock;
    }

    String of(Subscription s, String token) {
        var entries = notices.latest(s.id(), 200);
        var feed = new AtomFeed("urn:uuid:" + s.id(), "AMU-katalogets ændringer", "AMU catalogue notifier",
                entries.isEmpty() ? clock.instant() : entries.get(0).createdAt(), base + "/feeds/" + token + "/atom.xml");
        for (var entry : entries) {
            var event = json.readValue(entry.event(), CloudEvent.class);
            feed.entry(entryId(s, entry), event.data().text(), entry.createdAt(), event.type(), event.data().text());
        }
        return feed.end();
    }

    /** Feed readers keep the entry id to show an entry once: never change how it is made. */
    private static String entryId(Subscription s, FeedNotices.Entry entry) {
        return "urn:uuid:" + UUID.nameUUIDFromBytes((s.id() + "/" + entry.noticeId()).getBytes(StandardCharsets.UTF_8));
    }
}
