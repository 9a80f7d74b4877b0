package dk.amu.catalogue.projections.links;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import dk.amu.catalogue.projections.ProjectionsTest;
import dk.amu.catalogue.projections.support.Api;
import dk.amu.catalogue.runningingest.RunningIngest;
import dk.amu.catalogue.testkit.FixtureDocuments;
import dk.amu.catalogue.testkit.MutableClock;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/**
 * The revision timeline of DESIGN.md through the real ingest, with the clock moved between steps:
 * an earlier revision of "Viden- og forretningsservice" (47299 open-ended), the fixture (47299 ends
 * 30-06-2025, likely replaced by 22487), the expiry clock past the end, and a later revision; and
 * "Offentlig forvaltning", where 47299 stays open-ended throughout. Then the API on both time axes.
 */
@ProjectionsTest
class RevisionTimelineTests {

    static final String VIDEN = "viden-og-forretningsservice";

    static final String OFFENTLIG = "offentlig-forvaltning";

    @LocalServerPort
    int port;

    @Autowired
    MutableClock clock;

    Api api;

    /** An instant after the earlier revision and before the fixture was ingested; set once the timeline ran. */
    static Instant beforeFixture;

    @BeforeEach
    void driveTheTimelineOnce() {
        api = new Api(port);
        if (beforeFixture == null) {
            try (var ingest = RunningIngest.start(clock)) {
                driveTheTimeline(ingest);
            }
        }
    }

    private void driveTheTimeline(RunningIngest ingest) {
        var fixture = FixtureDocuments.viden();
        var earlier = FixtureDocuments.withoutCourses(fixture, "22487", "22598", "22634").replace("til 30-06-2025", "og fremefter");
        var later = FixtureDocuments.withRow(FixtureDocuments.withoutCourses(fixture, "47299", "47300"),
                "45959", "45959 Likviditetsstyring AD 2,0 19-12-2024 og fremefter");

        clock.setTo(LocalDate.of(2025, 3, 1));
        ingest.ingest(VIDEN, "earlier.txt", earlier);
        ingest.ingest(OFFENTLIG, "offentlig-forvaltning.txt", FixtureDocuments.offentlig());
        var afterEarlier = clock.instant().plus(Duration.ofDays(1));

        clock.setTo(LocalDate.of(2025, 5, 1));
        ingest.ingest(VIDEN, "fixture.txt", fixture);

        clock.setTo(LocalDate.of(2025, 7, 1).atStartOfDay(MutableClock.CATALOGUE_ZONE).toInstant().plusSeconds(1));
        assertThat(ingest.expire()).hasSize(2);

        clock.setTo(LocalDate.of(2025, 9, 1));
        ingest.ingest(VIDEN, "later.txt", later);

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                assertThat(api.json("/api/fkbs/{code}", VIDEN).get("revisions")).hasSize(3));
        beforeFixture = afterEarlier;
    }

    @Test
    void shouldShowTheLinkEndingWithItsSuccessorBeforeItsEndDate() {
        var link = link(VIDEN, "47299", "asOf=2025-06-01");
        assertThat(link.get("status").asString()).isEqualTo("ENDING");
        assertThat(link.get("linkedTo").asString()).isEqualTo("2025-06-30");
        assertThat(link.get("successor").get("courseNumber").asString()).isEqualTo("22487");
        assertThat(link.get("title").asString()).isEqualTo("Skriftlig kommunikation - sprog og sprogbrug");
        assertThat(link.get("euu").asString()).isEqualTo("AD");
        assertThat(link.get("durationDays").asDouble()).isEqualTo(2.0);
        assertThat(link.get("linkedFrom").asString()).isEqualTo("2024-12-19");
    }

    @Test
    void shouldHintTheSuccessorOfALinkThatArrivedAlreadyEnding() {
        var fkb = "vfs-foerste-udgave";
        var now = clock.instant();
        clock.setTo(LocalDate.of(2025, 3, 1));
        try (var ingest = RunningIngest.start(clock)) {
            ingest.ingest(fkb, "fixture.txt", FixtureDocuments.viden());
        }
        finally {
            clock.setTo(now);
        }
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(api.status("/api/fkbs/" + fkb)).isEqualTo(200));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(links(fkb, "asOf=2025-06-01")).hasSize(94));

        // its only event, CourseLinked, names no successor: the FKB's own links give the likely one
        var link = link(fkb, "47299", "asOf=2025-06-01");
        assertThat(link.get("status").asString()).isEqualTo("ENDING");
        assertThat(link.get("successor").get("courseNumber").asString()).isEqualTo("22487");
        assertThat(link(fkb, "47300", "asOf=2025-06-01").get("successor").isNull()).as("no similar title").isTrue();
        assertThat(api.all("/api/fkbs/{code}/links?size=10&asOf=2025-06-01", fkb))
                .filteredOn(l -> l.get("courseNumber").asString().equals("47299"))
                .singleElement().extracting(l -> l.get("successor").get("courseNumber").asString()).isEqualTo("22487");
        assertThat(inFkb(api.json("/api/courses/47299?asOf=2025-06-01"), fkb).get("link").get("successor")
                .get("courseNumber").asString()).isEqualTo("22487");
    }

    @Test
    void shouldShowTheLinkExpiredTheDayAfterItsEndDate() {
        assertThat(link(VIDEN, "47299", "asOf=2025-07-01").get("status").asString()).isEqualTo("EXPIRED");
        assertThat(link(VIDEN, "47299", "asOf=2025-06-30").get("status").asString()).isEqualTo("ENDING");
    }

    @Test
    void shouldShowTheLinkOpenEndedAsKnownBeforeTheFixtureWasIngested() {
        var link = link(VIDEN, "47299", "asOf=2025-07-01&knownAt=" + beforeFixture);
        assertThat(link.get("linkedTo").isNull()).isTrue();
        assertThat(link.get("status").asString()).isEqualTo("ACTIVE");
        assertThat(link.get("successor").isNull()).isTrue();
        assertThat(links(VIDEN, "knownAt=" + beforeFixture)).noneMatch(l -> l.get("courseNumber").asString().equals("22487"));
    }

    @Test
    void shouldKeepTheCourseOpenEndedInTheOtherFkbThroughout() {
        for (var query : List.of("asOf=2025-06-01", "asOf=2025-07-01", "asOf=2025-07-01&knownAt=" + beforeFixture, "")) {
            var link = link(OFFENTLIG, "47299", query);
            assertThat(link.get("linkedTo").isNull()).as(query).isTrue();
            assertThat(link.get("status").asString()).as(query).isEqualTo("ACTIVE");
        }
    }

    @Test
    void shouldListExactlyTheLinksEndingInAWindow() {
        var june = api.all("/api/expiries?from=2025-06-01&to=2025-06-30&fkb={fkb}&size=1", VIDEN);
        assertThat(june).extracting(l -> l.get("courseNumber").asString()).containsExactly("47299", "47300");
        assertThat(api.all("/api/expiries?from=2025-07-01&to=2025-12-31&fkb={fkb}", VIDEN)).isEmpty();
        assertThat(api.all("/api/expiries?from=2025-06-30&to=2025-06-30&fkb={fkb}", OFFENTLIG)).isEmpty();
    }

    @Test
    void shouldShowTheCourseInBothFkbsWithItsHistory() {
        var course = api.json("/api/courses/47299?asOf=2025-06-01");
        assertThat(course.get("fkbs")).extracting(f -> f.get("fkbCode").asString()).contains(VIDEN, OFFENTLIG);
        var viden = inFkb(course, VIDEN);
        assertThat(viden.get("link").get("status").asString()).isEqualTo("ENDING");
        assertThat(viden.get("link").get("successor").get("courseNumber").asString()).isEqualTo("22487");
        assertThat(viden.get("history")).extracting(v -> v.get("changeType").asString())
                .containsExactly("CourseLinked", "CourseLinkEndScheduled");
        var first = viden.get("history").get(0);
        assertThat(first.get("supersededAt").asString()).isEqualTo(viden.get("history").get(1).get("recordedAt").asString());
        assertThat(viden.get("history").get(1).get("supersededAt").isNull()).isTrue();
        assertThat(inFkb(course, OFFENTLIG).get("link").get("status").asString()).isEqualTo("ACTIVE");
    }

    @Test
    void shouldListEachRevisionWithTheChangesItMade() {
        var fkb = api.json("/api/fkbs/{code}", VIDEN);
        assertThat(fkb.get("title").asString()).isEqualTo("Viden- og forretningsservice");
        var revisions = fkb.get("revisions");
        assertThat(revisions.get(0).get("documentName").asString()).isEqualTo("later.txt");
        assertThat(revisions.get(1).get("changes")).extracting(c -> (c.get("type").asString() + " " + c.get("courseNumber").asString()).strip())
                .containsExactly("FkbRevised", "CourseLinked 22487", "CourseLinked 22598", "CourseLinked 22634",
                        "CourseLinkEndScheduled 47299", "CourseLinkEndScheduled 47300");
        assertThat(revisions.get(2).get("changes")).hasSize(92);
    }

    @Test
    void shouldAnswerUnknownsWith404AndBadDatesWith400() {
        assertThat(api.get("/api/fkbs/no-such-fkb").status()).isEqualTo(404);
        assertThat(api.get("/api/fkbs/no-such-fkb/links").status()).isEqualTo(404);
        assertThat(api.get("/api/courses/99999").status()).isEqualTo(404);
        var bad = api.get("/api/fkbs/{code}/links?asOf=01-06-2025", VIDEN);
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.body().get("detail").asString()).contains("asOf", "2025-06-01");
        assertThat(api.get("/api/fkbs/{code}/links?knownAt=yesterday", VIDEN).status()).isEqualTo(400);
        assertThat(api.get("/api/expiries?from=2025-13-01&to=2025-12-31").status()).isEqualTo(400);
    }

    @Test
    void shouldPublishTheOpenApiDocumentAndThePrometheusMetrics() {
        var openApi = api.json("/v3/api-docs");
        assertThat(openApi.get("paths").propertyNames()).contains("/api/fkbs", "/api/fkbs/{code}/links", "/api/expiries",
                "/api/courses/{number}", "/api/changes", "/api/stats", "/api/admin/rebuild");
        assertThat(api.status("/swagger-ui/index.html")).isEqualTo(200);
        var metrics = api.text("/actuator/prometheus");
        assertThat(metrics).contains("catalogue_projections_events_applied_total", "catalogue_consumer_lag",
                "catalogue_projections_rebuild_progress");
    }

    @Test
    void shouldCountLinksPerFkbAndEuuAndChangesAndExpiriesPerMonth() {
        var stats = api.json("/api/stats");
        assertThat(stats.get("asOf").asString()).isEqualTo("2025-09-01");
        var viden = find(stats.get("linksPerFkb"), VIDEN);
        assertThat(viden.get("links").asLong()).isEqualTo(94);
        assertThat(find(stats.get("expiriesPerMonth"), "2025-06").get("count").asLong()).isGreaterThanOrEqualTo(2);
        assertThat(stats.get("linksPerEuu").size()).isPositive();
        assertThat(stats.get("changesPerMonth").size()).isPositive();
    }

    @Test
    void shouldAnswerAnUnchangedListWithNotModified() {
        var first = api.get("/api/fkbs/{code}/links?asOf=2025-06-01", VIDEN);
        var etag = first.headers().getETag();
        assertThat(etag).isNotNull();
        var again = api.getIfNoneMatch("/api/fkbs/" + VIDEN + "/links?asOf=2025-06-01", etag);
        assertThat(again).isEqualTo(304);
    }

    @Test
    void shouldPageThroughTheLinksWithNextUrls() {
        var page = api.json("/api/fkbs/{code}/links?size=10", VIDEN);
        assertThat(page.get("items")).hasSize(10);
        assertThat(page.get("next").asString()).startsWith("http://").contains("cursor=");
        var all = api.all("/api/fkbs/{code}/links?size=10", VIDEN);
        assertThat(all).extracting(l -> l.get("courseNumber").asString()).doesNotHaveDuplicates()
                .isSorted()
                .hasSameSizeAs(links(VIDEN, ""));
    }

    private JsonNode link(String fkb, String course, String query) {
        return links(fkb, query).stream().filter(l -> l.get("courseNumber").asString().equals(course)).findFirst()
                .orElseThrow(() -> new AssertionError(course + " is not listed in " + fkb + " for " + query));
    }

    private List<JsonNode> links(String fkb, String query) {
        return api.all("/api/fkbs/" + fkb + "/links?size=1000&" + query);
    }

    private static JsonNode find(JsonNode counts, String key) {
        for (var count : counts) {
            if (count.has("key") ? count.get("key").asString().equals(key) : count.get("month").asString().equals(key)) {
                return count;
            }
        }
        throw new AssertionError(key + " not counted in " + counts);
    }

    private static JsonNode inFkb(JsonNode course, String fkb) {
        for (var inFkb : course.get("fkbs")) {
            if (inFkb.get("fkbCode").asString().equals(fkb)) {
                return inFkb;
            }
        }
        throw new AssertionError("course not in " + fkb);
    }
}
