package dk.amu.catalogue.projections.deadletters;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Base64;
import java.util.List;
import java.util.UUID;

import dk.amu.catalogue.eventlog.CatalogueTopics;
import dk.amu.catalogue.eventlog.EventDraft;
import dk.amu.catalogue.snapshots.v1.CourseLink;
import dk.amu.catalogue.events.v1.CourseLinkEndScheduled;
import dk.amu.catalogue.events.v1.CourseLinked;
import dk.amu.catalogue.projections.ProjectionsTest;
import dk.amu.catalogue.projections.support.Api;
import dk.amu.catalogue.projections.support.Databases;
import dk.amu.catalogue.projections.support.ProjectionsTestConfiguration;
import dk.amu.catalogue.testkit.CatalogueInfrastructure;
import dk.amu.catalogue.testkit.EventLogWriter;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.web.client.RestClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * An event the projections could not apply is parked, listed with its cause and origin, shown decoded,
 * and once the cause is gone redriven into the projections alone: then the read models equal a rebuild,
 * the event is in them once, and a second redrive changes nothing. A record no one can decode is shown
 * as its bytes. Only the operator sees any of it.
 */
@ProjectionsTest
class DeadLetterRedriveTests {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private static final String TOKEN = ProjectionsTestConfiguration.ADMIN_TOKEN;

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Test
    void shouldRedriveAParkedEventOnceItsCauseIsGoneSoTheReadModelsEqualARebuild() {
        var fkb = "redrive-" + UUID.randomUUID().toString().substring(0, 8);
        var garbageKey = "redrive-garbage-" + UUID.randomUUID().toString().substring(0, 8);
        var garbage = ("not Avro " + garbageKey).getBytes(StandardCharsets.UTF_8);
        // the cause: a constraint that refuses the second event's change, as a faulty migration might
        jdbc.sql("alter table projections.changes add constraint redrive_poison check (fkb_code <> '" + fkb
                + "' or sequence <> 2)").update();
        try {
            try (var writer = EventLogWriter.forRunning()) {
                writer.append(fkb, Instant.parse("2025-01-10T09:00:00Z"), linked("11111"), linked("22222"));
                writer.writePoison(CatalogueTopics.EVENTS, garbageKey, garbage);
                writer.append(fkb, Instant.parse("2025-02-10T09:00:00Z"), new EventDraft(CourseLinkEndScheduled.newBuilder()
                        .setCourseNumber("11111").setTitle("Kursus 11111").setLinkedTo(LocalDate.of(2025, 12, 31))
                        .setPreviousLinkedTo(null).setSuccessor(null).build(), LocalDate.of(2025, 2, 10)));
            }
            await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
                assertThat(sequences(fkb)).containsExactly(1L, 3L);
                assertThat(letterOf(fkb)).isNotNull();
                assertThat(letterOf(garbageKey)).isNotNull();
            });

            assertThat(call("GET", "/api/admin/dead-letters", null).status()).isEqualTo(401);
            assertThat(call("GET", "/api/admin/dead-letters", "not-the-token").status()).isEqualTo(401);
            var letter = letterOf(fkb);
            assertThat(letter.get("originTopic").asString()).isEqualTo(CatalogueTopics.EVENTS);
            assertThat(letter.get("originPartition").asInt()).isBetween(0, 5);
            assertThat(letter.get("originOffset").asLong()).isNotNegative();
            assertThat(letter.get("cause").asString() + " " + letter.get("message").asString()).contains("redrive_poison");
            assertThat(letter.get("redrivenAt").isNull()).isTrue();
            var place = "/api/admin/dead-letters/" + letter.get("partition").asInt() + "/" + letter.get("offset").asLong();

            assertThat(call("GET", place, null).status()).isEqualTo(401);
            var shown = call("GET", place, TOKEN);
            assertThat(shown.status()).isEqualTo(200);
            assertThat(shown.body().get("event").get("fkbCode").asString()).isEqualTo(fkb);
            assertThat(shown.body().get("event").get("sequence").asLong()).isEqualTo(2);
            assertThat(shown.body().get("decodingError").isNull()).isTrue();
            var undecodable = letterOf(garbageKey);
            var shownBytes = call("GET", "/api/admin/dead-letters/" + undecodable.get("partition").asInt() + "/"
                    + undecodable.get("offset").asLong(), TOKEN).body();
            assertThat(Base64.getDecoder().decode(shownBytes.get("base64").asString())).isEqualTo(garbage);
            assertThat(shownBytes.get("decodingError").asString()).isNotBlank();
            assertThat(shownBytes.get("event").isNull()).isTrue();

            assertThat(call("POST", place + "/redrive", null).status()).isEqualTo(401);
            var tooSoon = call("POST", place + "/redrive", TOKEN);
            assertThat(tooSoon.status()).as("the cause is still there").isEqualTo(409);
            assertThat(tooSoon.body().get("outcome").asString()).isEqualTo("STILL_FAILING");
            assertThat(sequences(fkb)).containsExactly(1L, 3L);
        }
        finally {
            jdbc.sql("alter table projections.changes drop constraint if exists redrive_poison").update();
        }

        var place = "/api/admin/dead-letters/" + letterOf(fkb).get("partition").asInt() + "/"
                + letterOf(fkb).get("offset").asLong();
        var redriven = call("POST", place + "/redrive", TOKEN);
        assertThat(redriven.status()).isEqualTo(200);
        assertThat(redriven.body().get("outcome").asString()).isEqualTo("REDRIVEN");
        assertThat(redriven.body().get("replayed").asLong()).isEqualTo(3);
        assertThat(sequences(fkb)).as("applied exactly once").containsExactly(1L, 2L, 3L);
        assertThat(jdbc.sql("select events || '/' || head_sequence from projections.fkbs where code = ?").param(fkb)
                .query(String.class).single()).isEqualTo("3/3");
        assertThat(jdbc.sql("select count(*) from projections.links where fkb_code = ?").param(fkb).query(Long.class)
                .single()).isEqualTo(2);
        assertThat(letterOf(fkb).get("redrivenAt").isNull()).isFalse();

        awaitCaughtUp();
        var url = CatalogueInfrastructure.running().database().jdbcUrl();
        var afterRedrive = Databases.fingerprint(url, "projections");
        var again = call("POST", place + "/redrive", TOKEN);
        assertThat(again.status()).isEqualTo(200);
        assertThat(again.body().get("outcome").asString()).isEqualTo("ALREADY_REDRIVEN");
        var all = call("POST", "/api/admin/dead-letters/redrive", TOKEN);
        assertThat(all.status()).isEqualTo(200);
        assertThat(outcomeFor(all.body(), garbageKey)).as("it never decodes").isEqualTo("STILL_FAILING");
        assertThat(outcomeFor(all.body(), fkb)).as("done already: not in the list").isNull();
        assertThat(Databases.fingerprint(url, "projections")).isEqualTo(afterRedrive);

        assertThat(call("POST", "/api/admin/rebuild", TOKEN).status()).isEqualTo(202);
        var api = new Api(port);
        await().atMost(Duration.ofSeconds(120)).untilAsserted(() ->
                assertThat(api.json("/api/admin/rebuild").get("state").asString()).isEqualTo("DONE"));
        assertThat(Databases.fingerprint(url, "projections")).as("the read models equal a rebuild").isEqualTo(afterRedrive);
        assertThat(letterOf(fkb).get("redrivenAt").isNull()).as("a rebuild keeps the record of it").isFalse();
    }

    @Test
    void shouldAnswerBadInputWithProblemDetails() {
        var badLimit = call("GET", "/api/admin/dead-letters?limit=0", TOKEN);
        assertThat(badLimit.status()).isEqualTo(400);
        assertThat(badLimit.body().get("detail").asString()).contains("limit");
        var unknown = call("GET", "/api/admin/dead-letters/0/999999999", TOKEN);
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.body().get("type").asString()).endsWith("/unknown-dead-letter");
        assertThat(call("POST", "/api/admin/dead-letters/0/999999999/redrive", TOKEN).status()).isEqualTo(404);
        assertThat(call("GET", "/api/admin/dead-letters/zero/1", TOKEN).status()).isEqualTo(400);
    }

    private List<Long> sequences(String fkb) {
        return jdbc.sql("select sequence from projections.changes where fkb_code = ? order by sequence").param(fkb)
                .query(Long.class).list();
    }

    private JsonNode letterOf(String fkbCode) {
        JsonNode found = null;
        var from = 0L;
        while (true) {
            var page = call("GET", "/api/admin/dead-letters?limit=500&from=" + from, TOKEN);
            assertThat(page.status()).isEqualTo(200);
            for (var letter : page.body().get("letters")) {
                if (fkbCode.equals(letter.get("fkbCode").asString())) {
                    found = letter;
                }
            }
            if (page.body().get("next").isNull()) {
                return found;
            }
            from = page.body().get("next").asLong();
        }
    }

    private static String outcomeFor(JsonNode results, String fkbCode) {
        for (var result : results) {
            if (fkbCode.equals(result.get("letter").get("fkbCode").asString())) {
                return result.get("outcome").asString();
            }
        }
        return null;
    }

    private void awaitCaughtUp() {
        var api = new Api(port);
        await().atMost(Duration.ofSeconds(30)).until(() -> api.json("/actuator/health").get("components").get("consumer")
                .get("details").get("lag").asLong() == 0);
    }

    private static EventDraft linked(String course) {
        var link = CourseLink.newBuilder().setCourseNumber(course).setTitle("Kursus " + course).setEuu("AB")
                .setDurationDays(new BigDecimal("2.0")).setLinkedFrom(LocalDate.of(2025, 1, 10)).setLinkedTo(null).build();
        return new EventDraft(CourseLinked.newBuilder().setLink(link).build(), LocalDate.of(2025, 1, 10));
    }

    record Answer(int status, JsonNode body) {
    }

    private Answer call(String method, String path, String token) {
        var http = RestClient.builder().baseUrl("http://127.0.0.1:" + port).build();
        return http.method(org.springframework.http.HttpMethod.valueOf(method)).uri(path).headers(h -> {
            if (token != null) {
                h.setBearerAuth(token);
            }
        }).accept(MediaType.APPLICATION_JSON, MediaType.APPLICATION_PROBLEM_JSON).exchange((request, response) -> {
            var body = response.bodyTo(String.class);
            return new Answer(response.getStatusCode().value(), body == null || body.isBlank() ? null : JSON.readTree(body));
        });
    }
}
