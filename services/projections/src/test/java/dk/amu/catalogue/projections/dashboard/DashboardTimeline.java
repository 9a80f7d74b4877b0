package dk.amu.catalogue.projections.dashboard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;

import dk.amu.catalogue.projections.support.Api;
import dk.amu.catalogue.runningingest.RunningIngest;
import dk.amu.catalogue.testkit.FixtureDocuments;
import dk.amu.catalogue.testkit.MutableClock;

/**
 * The revision timeline of ingest's {@code IngestionTimelineTests}, through the real ingest with the
 * clock moved between steps, under FKB codes of the dashboard's own (the events topic is shared by
 * every test class in the JVM): "Viden- og forretningsservice" in three revisions, where 47299 gets
 * the end date 30-06-2025 and a successor, then expires; "Offentlig forvaltning", where 47299 stays
 * open-ended. Driven once per JVM, by whichever dashboard test asks first.
 */
final class DashboardTimeline {

    static final String VIDEN = "dashboard-viden";

    static final String OFFENTLIG = "dashboard-offentlig";

    private static Instant beforeFixture;

    private DashboardTimeline() {
    }

    /** @return an instant after the earlier revision and before the fixture, for the known-at picker */
    static synchronized Instant ensureDriven(MutableClock clock, Api api) {
        if (beforeFixture == null) {
            try (var ingest = RunningIngest.start(clock)) {
                beforeFixture = drive(ingest, clock);
            }
            await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
                assertThat(api.get("/api/fkbs/{code}", OFFENTLIG).status()).isEqualTo(200);
                assertThat(api.json("/api/fkbs/{code}", VIDEN).get("revisions")).hasSize(3);
            });
        }
        return beforeFixture;
    }

    private static Instant drive(RunningIngest ingest, MutableClock clock) {
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
        ingest.expire();

        clock.setTo(LocalDate.of(2025, 9, 1));
        ingest.ingest(VIDEN, "later.txt", later);
        return afterEarlier;
    }
}
