package dk.amu.catalogue.projections.rebuild;

import java.io.File;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;

import dk.amu.catalogue.eventlog.CatalogueTopics;
import dk.amu.catalogue.projections.support.Databases;
import dk.amu.catalogue.projections.support.PrefixedCatalogue;
import dk.amu.catalogue.testkit.CatalogueInfrastructure;
import dk.amu.catalogue.testkit.EventLogWriter;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ListOffsetsOptions;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.common.IsolationLevel;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Exactly-once effect: a child JVM replays 100,000 events into its database and is killed
 * ({@code destroyForcibly}, SIGKILL) three times at random points, then runs to the end. Its tables
 * must equal those of a clean replay, row for row, with every event counted once.
 */
@ExtendWith(CatalogueInfrastructure.class)
class CrashDuringReplayTests {

    static final int EVENTS = 100_000;

    @Test
    void shouldEqualACleanReplayAfterThreeKillsAtRandomPoints() throws Exception {
        var running = CatalogueInfrastructure.running();
        try (var writer = new EventLogWriter(running.bootstrapServers(), running.registryUrl())) {
            writer.write(new PrefixedCatalogue("crash-", 6, 40, EVENTS), 2_000);
        }
        var end = committedEnd(running.bootstrapServers());
        var crashed = Databases.create("crashed");
        var random = new Random();
        var kills = new ArrayList<Long>();
        for (double share : List.of(0.2, 0.45, 0.7)) {
            var killAt = (long) (end * (share + random.nextDouble() * 0.15));
            var child = start(crashed, running.bootstrapServers(), running.registryUrl());
            await().atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofMillis(5))
                    .until(() -> applied(crashed) >= killAt || !child.isAlive());
            assertThat(child.isAlive()).as("the child was still replaying when killed").isTrue();
            child.destroyForcibly().waitFor();
            kills.add(applied(crashed));
        }
        assertThat(kills).as("each kill left the replay part-way").allMatch(k -> k > 0 && k < end).isSorted();
        var last = start(crashed, running.bootstrapServers(), running.registryUrl());
        assertThat(last.waitFor(3, TimeUnit.MINUTES)).isTrue();
        assertThat(last.exitValue()).isZero();

        var clean = Databases.create("clean");
        ReplayProcess.replay(clean, Databases.user(), running.bootstrapServers(), running.registryUrl(), 5_000);

        assertThat(Databases.fingerprint(crashed, "projections")).isEqualTo(Databases.fingerprint(clean, "projections"));
        assertThat(Databases.column(crashed, "select code from projections.fkbs f where events <> head_sequence "
                + "or events <> (select count(*) from projections.changes c where c.fkb_code = f.code)"))
                .as("FKBs whose events were applied other than once").isEmpty();
        assertThat(Long.parseLong(Databases.single(crashed,
                "select count(*) from projections.changes where fkb_code like 'crash-%'"))).isEqualTo(EVENTS);
    }

    private static Process start(String jdbcUrl, String bootstrapServers, String registryUrl) throws IOException {
        var java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        return new ProcessBuilder(java, "-Xmx256m", "-cp", System.getProperty("java.class.path"),
                ReplayProcess.class.getName(), jdbcUrl, Databases.user(), bootstrapServers, registryUrl, "500")
                .redirectErrorStream(true)
                .redirectOutput(new File("target/replay-process.log"))
                .start();
    }

    private static long applied(String jdbcUrl) {
        try {
            var sum = Databases.single(jdbcUrl, "select coalesce(sum(next_offset), 0) from projections.consumer_positions");
            return sum == null ? 0 : Long.parseLong(sum);
        }
        catch (IllegalStateException notMigratedYet) {
            return 0;
        }
    }

    private static long committedEnd(String bootstrapServers) throws Exception {
        try (var admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers))) {
            var request = new HashMap<TopicPartition, OffsetSpec>();
            for (int p = 0; p < CatalogueTopics.PARTITIONS; p++) {
                request.put(new TopicPartition(CatalogueTopics.EVENTS, p), OffsetSpec.latest());
            }
            return admin.listOffsets(request, new ListOffsetsOptions(IsolationLevel.READ_COMMITTED)).all().get()
                    .values().stream().mapToLong(info -> info.offset()).sum();
        }
    }
}
