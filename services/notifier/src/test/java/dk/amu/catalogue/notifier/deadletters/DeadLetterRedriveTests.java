package dk.amu.catalogue.notifier.deadletters;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import dk.amu.catalogue.eventlog.CatalogueTopics;
import dk.amu.catalogue.notifier.support.Api;
import dk.amu.catalogue.notifier.support.Events;
import dk.amu.catalogue.notifier.support.RunningNotifier;
import dk.amu.catalogue.notifier.support.WebhookReceiver;
import dk.amu.catalogue.testkit.CatalogueInfrastructure;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.JsonNode;

import static dk.amu.catalogue.notifier.support.Events.endScheduled;
import static dk.amu.catalogue.notifier.support.Events.linked;
import static dk.amu.catalogue.notifier.support.Events.revised;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * An event the notifier could not apply is parked, and once its cause is gone redriven into the notifier
 * alone: the school is told about it once, and about nothing it was told before (not the first ingestion's
 * summary, not the later event that was applied past it); a school that subscribed since is told about the
 * parked event only, not the FKB's whole history; a second redrive sends nothing.
 */
@ExtendWith(CatalogueInfrastructure.class)
class DeadLetterRedriveTests {

    static final LocalDate START = LocalDate.of(2025, 3, 1);

    @Test
    void shouldTellTheSchoolOnceAboutARedrivenEventAndNothingTwice() throws Exception {
        var notifier = RunningNotifier.shared();
        var clock = RunningNotifier.sharedClock();
        clock.setTo(START);
        var api = notifier.api();
        var jdbc = notifier.bean(JdbcTemplate.class);
        var fkb = "redrive-" + UUID.randomUUID().toString().substring(0, 8);
        try (var receiver = WebhookReceiver.start(); var late = WebhookReceiver.start(); var events = new Events()) {
            var school = api.post("/api/schools", RunningNotifier.ADMIN_TOKEN, Map.of("name", "Redrive " + fkb,
                    "email", "redrive@example.org"));
            var key = school.body().get("apiKey").asString();
            var created = api.post("/api/subscriptions", key, Map.of("fkbCodes", List.of(fkb), "webhookUrl", receiver.url()));
            assertThat(created.status()).as(created.text()).isEqualTo(201);
            receiver.trust(created.body().get("webhookSecret").asString());
            // the cause: a constraint that refuses one link, as a faulty migration might
            jdbc.execute("alter table notifier.links add constraint redrive_poison check (fkb_code <> '" + fkb
                    + "' or course_number <> '2002')");
            try {
                events.ingest(fkb, clock.instant(), revised("FKB " + fkb, START), linked("1001", "E1", START, null));
                events.ingest(fkb, clock.instant(), linked("2002", "E1", START, null));
                events.ingest(fkb, clock.instant(), endScheduled("1001", START.plusYears(1), START));
                notifier.settle();
                assertThat(receiver.received()).as("the summary and the end date, not the parked link").hasSize(2);

                assertThat(api.get("/api/admin/dead-letters", null).status()).isEqualTo(401);
                assertThat(api.get("/api/admin/dead-letters", key).status()).as("a school's key is not enough").isEqualTo(403);
                var letter = letterOf(api, fkb);
                assertThat(letter.get("originTopic").asString()).isEqualTo(CatalogueTopics.EVENTS);
                assertThat(letter.get("message").asString()).contains("redrive_poison");
                var place = "/api/admin/dead-letters/" + letter.get("partition").asInt() + "/" + letter.get("offset").asLong();
                var shown = api.get(place, RunningNotifier.ADMIN_TOKEN);
                assertThat(shown.body().get("event").get("sequence").asLong()).isEqualTo(3);
                assertThat(api.post(place + "/redrive", RunningNotifier.ADMIN_TOKEN, null).status())
                        .as("the cause is still there").isEqualTo(409);
            }
            finally {
                jdbc.execute("alter table notifier.links drop constraint if exists redrive_poison");
            }

            var lateSchool = api.post("/api/schools", RunningNotifier.ADMIN_TOKEN, Map.of("name", "Late " + fkb,
                    "email", "late@example.org")).body().get("apiKey").asString();
            var lateSubscription = api.post("/api/subscriptions", lateSchool, Map.of("fkbCodes", List.of(fkb),
                    "webhookUrl", late.url()));
            late.trust(lateSubscription.body().get("webhookSecret").asString());

            var letter = letterOf(api, fkb);
            var place = "/api/admin/dead-letters/" + letter.get("partition").asInt() + "/" + letter.get("offset").asLong();
            var redriven = api.post(place + "/redrive", RunningNotifier.ADMIN_TOKEN, null);
            assertThat(redriven.status()).as(redriven.text()).isEqualTo(200);
            assertThat(redriven.body().get("outcome").asString()).isEqualTo("REDRIVEN");
            notifier.settle();
            var received = receiver.received();
            assertThat(received).as("one new webhook, for the parked link").hasSize(3);
            assertThat(received.get(2).data().get("courseNumber").asString()).isEqualTo("2002");
            assertThat(late.received()).as("the parked event, not the history before it").hasSize(1);
            assertThat(late.received().get(0).data().get("courseNumber").asString()).isEqualTo("2002");
            assertThat(jdbc.queryForObject("select head_sequence from notifier.fkbs where fkb_code = ?", Long.class, fkb))
                    .isEqualTo(4);
            assertThat(jdbc.queryForList("select course_number from notifier.links where fkb_code = ? order by 1",
                    String.class, fkb)).containsExactly("1001", "2002");

            var again = api.post(place + "/redrive", RunningNotifier.ADMIN_TOKEN, null);
            assertThat(again.body().get("outcome").asString()).isEqualTo("ALREADY_REDRIVEN");
            notifier.settle();
            assertThat(receiver.received()).hasSize(3);
            assertThat(late.received()).hasSize(1);
            assertThat(letterOf(api, fkb).get("redrivenAt").isNull()).isFalse();
        }
    }

    private static JsonNode letterOf(Api api, String fkbCode) {
        var page = api.get("/api/admin/dead-letters?limit=500", RunningNotifier.ADMIN_TOKEN);
        assertThat(page.status()).as(page.text()).isEqualTo(200);
        JsonNode found = null;
        for (var letter : page.body().get("letters")) {
            if (fkbCode.equals(letter.get("fkbCode").asString())) {
                found = letter;
            }
        }
        assertThat(found).as("a dead letter of " + fkbCode).isNotNull();
        return found;
    }
}
