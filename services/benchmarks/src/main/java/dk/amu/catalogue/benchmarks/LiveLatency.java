package dk.amu.catalogue.benchmarks;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.locks.LockSupport;

import dk.amu.catalogue.eventlog.EventDraft;
import dk.amu.catalogue.events.v1.CourseLinkEndScheduled;
import dk.amu.catalogue.events.v1.CourseLinked;
import dk.amu.catalogue.events.v1.FkbRevised;
import dk.amu.catalogue.testkit.EventLogWriter;
import dk.amu.catalogue.snapshots.v1.CourseLink;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.web.client.RestClient;

/**
 * The live path: one change at a time committed to the log, each timed from its commit until the
 * query API lists it in the change feed. Prints p50, p99 and the maximum.
 */
final class LiveLatency {

    private LiveLatency() {
    }

    static void measure(ConfigurableApplicationContext context, String bootstrapServers, String registryUrl, int changes)
            throws Exception {
        var port = ((WebServerApplicationContext) context).getWebServer().getPort();
        var http = RestClient.create("http://127.0.0.1:" + port);
        var fkb = "live-latency";
        var millis = new double[changes];
        try (var writer = new EventLogWriter(bootstrapServers, registryUrl)) {
            var link = new CourseLink("47299", "Skriftlig kommunikation - sprog og sprogbrug", "AD",
                    new BigDecimal("2.0"), LocalDate.of(2024, 12, 19), null);
            writer.append(fkb, Instant.now(), new EventDraft(new FkbRevised("Live latency", null, List.of(),
                    List.of()), LocalDate.now()), new EventDraft(new CourseLinked(link), link.getLinkedFrom()));
            for (int i = 0; i < changes; i++) {
                var end = LocalDate.of(2030, 1, 1).plusDays(i);
                var event = writer.append(fkb, Instant.now(), new EventDraft(new CourseLinkEndScheduled("47299",
                        link.getTitle(), end, i == 0 ? null : end.minusDays(1), null), LocalDate.now())).get(0);
                var committed = System.nanoTime();
                while (!http.get().uri("/api/changes?fkb={fkb}&size=1", fkb).retrieve().body(String.class)
                        .contains(event.getEventId())) {
                    // a millisecond between looks: a busy loop of requests would take the CPU the consumer needs
                    LockSupport.parkNanos(1_000_000);
                }
                millis[i] = (System.nanoTime() - committed) / 1e6;
            }
        }
        Arrays.sort(millis);
        System.out.printf("LIVE: %d changes, commit to visible in GET /api/changes: p50 %.1f ms, p99 %.1f ms, max %.1f ms%n",
                changes, millis[changes / 2], millis[(int) Math.ceil(changes * 0.99) - 1], millis[changes - 1]);
    }
}
