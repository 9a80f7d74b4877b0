package dk.amu.catalogue.notifier;

import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.rometools.rome.io.SyndFeedInput;
import dk.amu.catalogue.notifier.support.Events;
import dk.amu.catalogue.notifier.support.RunningNotifier;
import dk.amu.catalogue.testkit.CatalogueInfrastructure;
import dk.amu.catalogue.testkit.MutableClock;
import net.fortuna.ical4j.data.CalendarBuilder;
import net.fortuna.ical4j.model.component.VEvent;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import static dk.amu.catalogue.notifier.support.Events.endScheduled;
import static dk.amu.catalogue.notifier.support.Events.linked;
import static dk.amu.catalogue.notifier.support.Events.revised;
import static org.assertj.core.api.Assertions.assertThat;

/** The feeds, read by the libraries calendar programs and feed readers use. */
@ExtendWith(CatalogueInfrastructure.class)
class FeedTests {

    static final LocalDate START = LocalDate.of(2025, 3, 1);

    static RunningNotifier notifier;

    static MutableClock clock;

    static Events events;

    final String fkb = "feed-" + UUID.randomUUID().toString().substring(0, 8);

    final HttpClient http = HttpClient.newHttpClient();

    @BeforeAll
    static void start() {
        notifier = RunningNotifier.shared();
        clock = RunningNotifier.sharedClock();
        events = new Events();
    }

    @AfterAll
    static void stop() {
        events.close();
    }

    @Test
    void shouldServeUpcomingEndsAndWarningDatesAsICalendarAndTheNoticesAsAtom() throws Exception {
        clock.setTo(START);
        var api = notifier.api();
        var key = api.post("/api/schools", RunningNotifier.ADMIN_TOKEN, Map.of("name", "Feedskole", "email", "f@example.org"))
                .body().get("apiKey").asString();
        var created = api.post("/api/subscriptions", key, Map.of("fkbCodes", List.of(fkb), "email", "f@example.org",
                "leadDays", List.of(30, 7)));
        var feeds = created.body().get("feeds");
        events.ingest(fkb, clock.instant(), revised("Feed-FKB, med komma; og semikolon", START),
                linked("2001", "E1", START, null), linked("2002", "E2", START, null));
        events.ingest(fkb, clock.instant(), endScheduled("2001", LocalDate.of(2025, 6, 30), START));
        notifier.settle();

        var ics = get(feeds.get("ical").asString(), "text/calendar");
        var calendar = new CalendarBuilder().build(new StringReader(ics));
        List<VEvent> vevents = calendar.getComponents("VEVENT");
        assertThat(vevents).extracting(e -> e.getProperty("DTSTART").get().getValue())
                .containsExactlyInAnyOrder("20250630", "20250531", "20250623");
        assertThat(vevents).extracting(e -> e.getProperty("SUMMARY").get().getValue())
                .anyMatch(s -> s.toString().contains("2001") && s.toString().contains("udløber"));
        // the UIDs calendar programs keep: the same as before the calendar was written by ical4j
        var subscription = created.body().get("id").asString();
        assertThat(vevents).extracting(e -> e.getProperty("UID").get().getValue()).containsExactlyInAnyOrder(
                uid(subscription, "2001", "2025-06-30", 0), uid(subscription, "2001", "2025-06-30", 30),
                uid(subscription, "2001", "2025-06-30", 7));
        assertThat(vevents).extracting(e -> e.getProperty("DTSTAMP").get().getValue()).containsOnly("20250301T110000Z");
        assertThat(ics).startsWith("BEGIN:VCALENDAR\r\n").endsWith("END:VCALENDAR\r\n")
                .contains("\r\nX-WR-CALNAME:AMU-kurser der udløber\r\n", "\r\nDTSTART;VALUE=DATE:20250630\r\n");
        assertThat(ics.split("\r\n")).allSatisfy(line -> assertThat(line.length()).isLessThanOrEqualTo(75));

        var atom = get(feeds.get("atom").asString(), "application/atom+xml");
        var feed = new SyndFeedInput().build(new StringReader(atom));
        assertThat(feed.getEntries()).extracting(e -> e.getCategories().get(0).getName()).containsExactly(
                "dk.amu.catalogue.CourseLinkEndScheduled", "dk.amu.catalogue.FkbTracked");
        assertThat(feed.getEntries().get(1).getTitle()).contains("følges nu, med 2 kurser");
        // the ids feed readers keep: the same as before the feed was written by Rome
        assertThat(feed.getUri()).isEqualTo("urn:uuid:" + subscription);
        var notices = api.get("/api/deliveries?subscription=" + subscription, key).body();
        assertThat(notices.size()).isEqualTo(2);
        var entryIds = new java.util.ArrayList<String>();
        notices.forEach(d -> entryIds.add("urn:uuid:" + UUID.nameUUIDFromBytes(
                (subscription + "/" + d.get("noticeId").asString()).getBytes(StandardCharsets.UTF_8))));
        assertThat(feed.getEntries()).extracting(e -> e.getUri()).containsExactlyInAnyOrderElementsOf(entryIds);
        assertThat(feed.getLinks()).extracting(l -> l.getRel()).contains("self");
        assertThat(feed.getEntries().get(0).getContents().get(0).getValue()).contains("2001");

        var unknown = http.send(HttpRequest.newBuilder(URI.create(local(feeds.get("ical").asString()).replace(
                created.body().get("id").asString(), "x") + "nope")).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(unknown.statusCode()).isEqualTo(404);
    }

    /** How the calendar's UIDs were made when the feed was first published; calendar programs hold on to them. */
    private String uid(String subscription, String course, String linkedTo, int lead) {
        return UUID.nameUUIDFromBytes((subscription + "/" + fkb + "/" + course + "/" + linkedTo + "/" + lead)
                .getBytes(StandardCharsets.UTF_8)) + "@amu-catalogue";
    }

    private String get(String url, String type) throws Exception {
        var response = http.send(HttpRequest.newBuilder(URI.create(local(url))).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type").orElseThrow()).startsWith(type);
        return response.body();
    }

    /** The feed URLs name the public address; the test's notifier listens on a random port. */
    private String local(String url) {
        var path = URI.create(url).getPath();
        return "http://127.0.0.1:" + notifier.port() + path;
    }

}
