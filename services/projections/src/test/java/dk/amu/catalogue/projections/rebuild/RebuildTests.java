package dk.amu.catalogue.projections.rebuild;

import java.time.Duration;

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

    @Test
    void shouldReplayIntoFreshTablesAndSwitchToEqualOnesWhileServing() {
        var api = new Api(port);
        try (var writer = EventLogWriter.forRunning()) {
            writer.write(new PrefixedCatalogue("rebuild-", 12, 10, 5_000), 1_000);
        }
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> assertThat(
                jdbc.sql("select count(*) from projections.changes where fkb_code like 'rebuild-%'").query(Long.class).single())
                .isEqualTo(5_000));
        await().atMost(Duration.ofSeconds(30)).until(() -> api.json("/actuator/health").get("components").get("consumer")
                .get("details").get("lag").asLong() == 0);
        var url = CatalogueInfrastructure.running().database().jdbcUrl();
        var before = Databases.fingerprint(url, "projections");

        var started = api.post("/api/admin/rebuild", ProjectionsTestConfiguration.ADMIN_TOKEN);
        assertThat(started.status()).isEqualTo(202);
        await().atMost(Duration.ofSeconds(120)).untilAsserted(() -> {
            assertThat(api.get("/api/fkbs").status()).as("the live tables serve throughout").isEqualTo(200);
            var progress = api.json("/api/admin/rebuild");
            assertThat(progress.get("state").asString()).isEqualTo("DONE");
            assertThat(progress.get("fraction").asDouble()).isEqualTo(1.0);
        });

        assertThat(Databases.fingerprint(url, "projections")).isEqualTo(before);
        assertThat(Databases.column(url, "select schema_name from information_schema.schemata where schema_name like 'projections%'"))
                .containsExactly("projections");
        try (var writer = EventLogWriter.forRunning()) {
            writer.write(new PrefixedCatalogue("after-rebuild-", 13, 2, 50), 50);
        }
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> assertThat(
                jdbc.sql("select count(*) from projections.changes where fkb_code like 'after-rebuild-%'").query(Long.class)
                        .single()).as("the live consumer goes on in the new tables").isEqualTo(50));
    }
}
