package dk.amu.catalogue.notifier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import dk.amu.catalogue.eventlog.CatalogueTopics;
import dk.amu.catalogue.notifier.support.RunningNotifier;
import dk.amu.catalogue.notifier.support.WebhookReceiver.Received;
import dk.amu.catalogue.notifier.support.WebhookReceiver;
import dk.amu.catalogue.notifier.warnings.WarningRun;
import dk.amu.catalogue.notifier.webhooks.WebhookDispatcher;
import dk.amu.catalogue.runningingest.RunningIngest;
import dk.amu.catalogue.testkit.CatalogueInfrastructure;
import dk.amu.catalogue.testkit.ConsumerGroups;
import dk.amu.catalogue.testkit.FixtureDocuments;
import dk.amu.catalogue.testkit.MutableClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The revision timeline of the ingest issue, driven through the real ingest service, seen by a
 * receiver subscribed to one FKB that checks every signature with its own code: a summary for the
 * first ingestion, then each change, the warnings due at each step of the clock, the two expiries,
 * and nothing twice across a restart and a replay from the first offset.
 */
@ExtendWith(CatalogueInfrastructure.class)
class WebhookTimelineTests {

    private final MutableClock clock = MutableClock.at(LocalDate.of(2025, 3, 1));

    private final String fkb = "viden-" + UUID.randomUUID().toString().substring(0, 8);

    private RunningNotifier notifier;

    private RunningIngest ingest;

    private WebhookReceiver receiver;

    @AfterEach
    void stop() {
        for (var closeable : new AutoCloseable[] { notifier, ingest, receiver }) {
            try {
                if (closeable != null) {
                    closeable.close();
                }
            }
            catch (Exception ignored) {
                // the next test starts its own
            }
        }
    }

    @Test
    void shouldSendExactlyTheChangesInScopeEachOnceAcrossRestartAndReplay() throws Exception {
        receiver = WebhookReceiver.start();
        notifier = RunningNotifier.start(clock);
        ingest = RunningIngest.start(clock);
        var api = notifier.api();
        var school = api.post("/api/schools", RunningNotifier.ADMIN_TOKEN, Map.of("name", "AMU Test", "email", "amu@example.org"));
        assertThat(school.status()).isEqualTo(201);
        var key = school.body().get("apiKey").asString();
        var subscription = api.post("/api/subscriptions", key, Map.of("fkbCodes", List.of(fkb), "webhookUrl", receiver.url()));
        assertThat(subscription.status()).as(subscription.text()).isEqualTo(201);
        receiver.trust(subscription.body().get("webhookSecret").asString());

        var fixture = FixtureDocuments.viden();
        var earlier = FixtureDocuments.withoutCourses(fixture, "22487", "22598", "22634").replace("til 30-06-2025", "og fremefter");
        var later = FixtureDocuments.withRow(FixtureDocuments.withoutCourses(fixture, "47299", "47300"), "45959",
                "45959 Likviditetsstyring AD 2,0 19-12-2024 og fremefter");

        assertThat(ingest.ingest(fkb, "earlier.txt", earlier).events().size()).isEqualTo(92);
        settle();
        assertThat(receiver.received()).extracting(Received::type).containsExactly("dk.amu.catalogue.FkbTracked");
        assertThat(receiver.received().get(0).data().get("courses").asInt()).isEqualTo(91);
        assertThat(receiver.received().get(0).data().get("text").asString()).contains("følges nu, med 91 kurser");

        clock.setTo(LocalDate.of(2025, 5, 1));
        assertThat(ingest.ingest(fkb, "fixture.txt", fixture).events().size()).isEqualTo(6);
        settle();

        clock.setTo(LocalDate.of(2025, 6, 30));
        assertThat(ingest.expire()).isEmpty();
        settle();

        clock.setTo(LocalDate.of(2025, 7, 1).atStartOfDay(MutableClock.CATALOGUE_ZONE).toInstant().plusSeconds(1));
        assertThat(ingest.expire()).hasSize(2);
        settle();

        clock.setTo(LocalDate.of(2025, 9, 1));
        assertThat(ingest.ingest(fkb, "later.txt", later).events().size()).isEqualTo(2);
        settle();

        var expected = List.of(
                tuple("dk.amu.catalogue.FkbTracked", null, null),
                tuple("dk.amu.catalogue.FkbRevised", null, null),
                tuple("dk.amu.catalogue.CourseLinked", "22487", null),
                tuple("dk.amu.catalogue.CourseLinked", "22598", null),
                tuple("dk.amu.catalogue.CourseLinked", "22634", null),
                tuple("dk.amu.catalogue.CourseLinkEndScheduled", "47299", null),
                tuple("dk.amu.catalogue.CourseLinkExpiryWarning", "47299", 90),
                tuple("dk.amu.catalogue.CourseLinkEndScheduled", "47300", null),
                tuple("dk.amu.catalogue.CourseLinkExpiryWarning", "47300", 90),
                tuple("dk.amu.catalogue.CourseLinkExpiryWarning", "47299", 7),
                tuple("dk.amu.catalogue.CourseLinkExpiryWarning", "47300", 7),
                tuple("dk.amu.catalogue.CourseLinkExpired", "47299", null),
                tuple("dk.amu.catalogue.CourseLinkExpired", "47300", null),
                tuple("dk.amu.catalogue.FkbRevised", null, null),
                tuple("dk.amu.catalogue.CourseDetailsChanged", "45959", null));
        assertReceived(expected);
        assertThat(receiver.received().get(5).data().get("successor").get("courseNumber").asString()).isEqualTo("22487");

        // a restart: the positions in the database say where to go on, and nothing is due
        notifier.close();
        notifier = RunningNotifier.start(clock);
        settle();
        assertReceived(expected);

        // a replay from offset 0 with the notifier's fold rebuilt: every notice is found given already
        notifier.close();
        var jdbc = new JdbcTemplate(new org.springframework.jdbc.datasource.DriverManagerDataSource(
                CatalogueInfrastructure.running().database().jdbcUrl(), CatalogueInfrastructure.running().database().username(),
                CatalogueInfrastructure.running().database().password()));
        jdbc.update("delete from notifier.consumer_positions");
        jdbc.update("delete from notifier.links");
        jdbc.update("delete from notifier.fkbs");
        notifier = RunningNotifier.start(clock);
        await().atMost(Duration.ofSeconds(60)).until(() -> jdbc.queryForList(
                "select head_sequence from notifier.fkbs where fkb_code = ?", Long.class, fkb).equals(List.of(102L)));
        settle();
        assertReceived(expected);
    }

    /** Everything the notifier has read is applied, warnings due now are recorded, and what is due is sent. */
    private void settle() {
        notifier.settle();
    }

    private void assertReceived(List<org.assertj.core.groups.Tuple> expected) {
        var received = receiver.received();
        assertThat(received).allSatisfy(r -> {
            assertThat(r.signatureValid()).as("signature of %s", r.webhookId()).isTrue();
            assertThat(r.contentType()).isEqualTo("application/cloudevents+json; charset=utf-8");
            assertThat(r.event().get("specversion").asString()).isEqualTo("1.0");
            assertThat(r.event().get("id").asString()).isNotBlank();
            assertThat(r.event().get("source").asString()).isNotBlank();
            assertThat(r.data().get("fkbCode").asString()).isEqualTo(fkb);
            assertThat(r.data().get("text").asString()).isNotBlank();
        });
        assertThat(received).extracting(Received::type,
                r -> r.data().has("courseNumber") ? r.data().get("courseNumber").asString() : null,
                r -> r.data().has("leadDays") ? r.data().get("leadDays").asInt() : null)
                .containsExactlyElementsOf(expected);
        assertThat(received).extracting(Received::webhookId).doesNotHaveDuplicates();
    }
}
