package dk.amu.catalogue.projections.consuming;

import java.time.Duration;

import dk.amu.catalogue.projections.ProjectionsTest;
import dk.amu.catalogue.projections.support.Api;
import dk.amu.catalogue.projections.support.PrefixedCatalogue;
import dk.amu.catalogue.testkit.CatalogueInfrastructure;
import dk.amu.catalogue.testkit.EventLogWriter;
import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** A database outage makes the service unhealthy; when the database returns it catches up, losing nothing. */
@ProjectionsTest
class DatabaseOutageTests {

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    MeterRegistry meters;

    @Test
    void shouldReportDownWhileTheDatabaseIsStoppedAndCatchUpWhenItReturns() {
        var api = new Api(port);
        var database = CatalogueInfrastructure.running().database();
        var deadLetters = deadLetters();
        await().atMost(Duration.ofSeconds(30)).until(() -> api.get("/actuator/health").status() == 200);

        database.stop();
        try {
            await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
                var health = api.get("/actuator/health");
                assertThat(health.status()).isEqualTo(503);
                assertThat(health.body().get("components").get("db").get("status").asString()).isEqualTo("DOWN");
            });
            try (var writer = EventLogWriter.forRunning()) {
                writer.write(new PrefixedCatalogue("outage-", 11, 10, 3_000), 500);
            }
            assertThat(api.get("/api/stats").status()).isEqualTo(503);
        }
        finally {
            database.start();
        }

        // the pool reconnects on its own; until then a query fails like any request would
        await().atMost(Duration.ofSeconds(120)).ignoreExceptions().untilAsserted(() -> {
            assertThat(jdbc.sql("select count(*) from projections.changes where fkb_code like 'outage-%'")
                    .query(Long.class).single()).isEqualTo(3_000);
            assertThat(api.get("/actuator/health").status()).isEqualTo(200);
        });
        assertThat(deadLetters()).as("an outage dead-letters nothing").isEqualTo(deadLetters);
    }

    private double deadLetters() {
        var counter = meters.find("catalogue.consumer.dead.letters").counter();
        return counter == null ? 0 : counter.count();
    }
}
