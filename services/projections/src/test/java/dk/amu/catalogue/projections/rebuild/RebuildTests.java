package dk.amu.catalogue.projections.rebuild;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import dk.amu.catalogue.eventlog.EventDraft;
import dk.amu.catalogue.events.v1.CourseLinkExpired;
import dk.amu.catalogue.events.v1.CourseLinked;
import dk.amu.catalogue.events.v1.FkbRevised;
import dk.amu.catalogue.events.v1.SuccessorHint;
import dk.amu.catalogue.snapshots.v1.CourseLink;

import dk.amu.catalogue.projections.ProjectionsTest;
import dk.amu.catalogue.projections.support.Api;
import dk.amu.catalogue.projections.support.Databases;
import dk.amu.catalogue.projections.support.PrefixedCatalogue;
import dk.amu.catalogue.projections.support.ProjectionsTestConfiguration;
import dk.amu.catalogue.testkit.CatalogueInfrastructure;
import dk.amu.catalogue.testkit.EventLogWriter;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** A rebuild replays the log into fresh tables while the live ones serve, and switches to equal tables. */
@ProjectionsTest
class RebuildTests {

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Test
    void shouldRefuseARebuildWithoutTheAdminToken() {
        var api = new Api(port);
        assertThat(api.post("/api/admin/rebuild", null).status()).isEqualTo(401);
        var wrong = api.post("/api/admin/rebuild", "not-the-token");
        assertThat(wrong.status()).isEqualTo(401);
        assertThat(wrong.body().get("detail").asString()).contains("not valid");
    }

    /**
     * A link that arrives with its end date set names no successor until its expiry does: that version
     * of the link has a sequence of its own, so the rebuild's versions have one key each, as the live ones.
     */
    @Test
    void shouldRebuildALinkWhoseExpiryNamesItsFirstSuccessor() {
        var api = new Api(port);
        var title = "Skriftlig kommunikation - sprog og sprogbrug";
        var end = LocalDate.of(2025, 6, 30);
        try (var writer = EventLogWriter.forRunning()) {
            writer.append("expiry-rebuild", Instant.parse("2025-07-02T08:00:00Z"),
                    new EventDraft(new FkbRevised("Udløbet ved første udgave", null, List.of(), List.of()), end.plusDays(2)),
                    new EventDraft(new CourseLinked(new CourseLink("22487", title, "AD", new BigDecimal("2.0"),
                            LocalDate.of(2025, 1, 28), null)), end.plusDays(2)),
                    new EventDraft(new CourseLinked(new CourseLink("47299", title, "AD", new BigDecimal("2.0"),
                            LocalDate.of(2024, 12, 19), end)), end.plusDays(2)),
                    new EventDraft(new CourseLinkExpired("47299", title, end, new SuccessorHint("22487", title, 1.0)),
                            end.plusDays(1)));
        }
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(jdbc.sql(
                "select sequence from projections.link_versions where fkb_code = 'expiry-rebuild' and course_number = '47299' "
                        + "order by sequence").query(Long.class).list()).as("the link, then its successor").containsExactly(3L, 4L));
        rebuildToEqualTables(api);
    }

    @Test
    void shouldReplayIntoFreshTablesAndSwitchToEqualOnesWhileServing() {
        var api = new Api(port);
        try (var writer = EventLogWriter.forRunning()) {
            writer.write(new PrefixedCatalogue("rebuild-", 12, 10, 5_000), 1_000);
        }
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> assertThat(
                jdbc.sql("select count(*) from projections.changes where fkb_code like 'rebuild-%'").query(Long.class).single())
                .isEqualTo(5_000));
        rebuildToEqualTables(api);
        try (var writer = EventLogWriter.forRunning()) {
            writer.write(new PrefixedCatalogue("after-rebuild-", 13, 2, 50), 50);
        }
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> assertThat(
                jdbc.sql("select count(*) from projections.changes where fkb_code like 'after-rebuild-%'").query(Long.class)
                        .single()).as("the live consumer goes on in the new tables").isEqualTo(50));
    }

    private static void rebuildToEqualTables(Api api) {
        await().atMost(Duration.ofSeconds(30)).until(() -> api.json("/actuator/health").get("components").get("consumer")
                .get("details").get("lag").asLong() == 0);
        var url = CatalogueInfrastructure.running().database().jdbcUrl();
        var before = Databases.fingerprint(url, "projections");

        var started = api.post("/api/admin/rebuild", ProjectionsTestConfiguration.ADMIN_TOKEN);
        assertThat(started.status()).isEqualTo(202);
        await().atMost(Duration.ofSeconds(120)).untilAsserted(() -> {
            assertThat(api.get("/api/fkbs").status()).as("the live tables serve throughout").isEqualTo(200);
            var progress = api.json("/api/admin/rebuild");
            assertThat(progress.get("state").asString()).as(progress.toString()).isEqualTo("DONE");
            assertThat(progress.get("fraction").asDouble()).isEqualTo(1.0);
        });

        assertThat(Databases.fingerprint(url, "projections")).isEqualTo(before);
        assertThat(Databases.column(url, "select schema_name from information_schema.schemata where schema_name like 'projections%'"))
                .containsExactly("projections");
    }
}
