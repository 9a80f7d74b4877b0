package dk.amu.catalogue.benchmarks;

import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import dk.amu.catalogue.eventlog.CatalogueTopics;
import dk.amu.catalogue.ingest.ingestion.IngestionService;
import dk.amu.catalogue.kafka.broker.BrokerSettings;
import dk.amu.catalogue.kafka.broker.ClusterSettings;
import dk.amu.catalogue.kafka.broker.EmbeddedKafkaBroker;
import dk.amu.catalogue.kafka.broker.EmbeddedKafkaCluster;
import dk.amu.catalogue.registry.EmbeddedSchemaRegistry;
import dk.amu.catalogue.registry.RegistrySettings;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;

/**
 * Ingest throughput on the three-broker in-process cluster (every node broker and controller,
 * topics with replication factor 3 and {@code min.insync.replicas=2}, the producer's {@code acks=all})
 * beside the single in-process broker of the standalone runtime, in the same run and the same JVM:
 * the workload of {@link IngestThroughputHarness} (a warm-up round, then 300 synthetic FKB documents
 * of 150 links each on 4 threads), first on one broker, then on the cluster, each with a registry and
 * an ingest service of its own. Prints both rates, the cluster's as a share of the single broker's,
 * and the CPU time the whole JVM spent per event in each (which a machine shared with other work
 * distorts far less than the rates); with several rounds, the medians of both ratios.
 *
 * <p>{@code java -cp services/benchmarks/target/benchmarks.jar dk.amu.catalogue.benchmarks.ClusterIngestThroughputHarness [fkbs] [links] [threads] [slots] [rounds]}
 */
public final class ClusterIngestThroughputHarness {

    private ClusterIngestThroughputHarness() {
    }

    /** @param cpuSeconds the CPU time of the whole JVM (brokers, registry, ingest) while the documents went in */
    private record Rate(long events, double seconds, double cpuSeconds) {

        double perSecond() {
            return events / seconds;
        }

        double cpuMicrosPerEvent() {
            return cpuSeconds * 1e6 / events;
        }
    }

    public static void main(String[] args) throws Exception {
        int fkbs = args.length > 0 ? Integer.parseInt(args[0]) : 300;
        int links = args.length > 1 ? Integer.parseInt(args[1]) : 150;
        int threads = args.length > 2 ? Integer.parseInt(args[2]) : 4;
        int slots = args.length > 3 ? Integer.parseInt(args[3]) : 8;
        int rounds = args.length > 4 ? Integer.parseInt(args[4]) : 1;
        var data = Files.createTempDirectory("cluster-ingest-throughput");
        var ratios = new ArrayList<Double>();
        var cpuRatios = new ArrayList<Double>();
        for (int round = 1; round <= rounds; round++) {
            Rate single;
            try (var broker = EmbeddedKafkaBroker.start(BrokerSettings.onFreePorts(data.resolve("single-" + round)))) {
                single = measure(broker.bootstrapServers(), fkbs, links, threads, slots);
            }
            print("SINGLE BROKER", round, single);
            Rate cluster;
            try (var nodes = EmbeddedKafkaCluster.start(ClusterSettings.onFreePorts(data.resolve("cluster-" + round), 3))) {
                createReplicatedTopics(nodes.bootstrapServers());
                cluster = measure(nodes.bootstrapServers(), fkbs, links, threads, slots);
            }
            print("THREE BROKERS, RF 3, min.insync.replicas=2, acks=all", round, cluster);
            ratios.add(cluster.perSecond() / single.perSecond());
            cpuRatios.add(cluster.cpuMicrosPerEvent() / single.cpuMicrosPerEvent());
            System.out.printf("RATIO (round %d): the cluster ingests %.0f %% of the single broker's events/s, at %.2f times its CPU per event%n",
                    round, 100 * ratios.get(ratios.size() - 1), cpuRatios.get(cpuRatios.size() - 1));
        }
        System.out.printf("%nMEDIAN OF %d ROUNDS: the cluster ingests %.0f %% of the single broker's events/s, at %.2f times its CPU per event%n",
                rounds, 100 * median(ratios), median(cpuRatios));
        deleteQuietly(data);
    }

    private static void print(String setup, int round, Rate rate) {
        System.out.printf("%s (round %d): %d events in %.2f s = %.0f events/s; %.1f µs of CPU per event%n", setup, round,
                rate.events(), rate.seconds(), rate.perSecond(), rate.cpuMicrosPerEvent());
    }

    private static double median(List<Double> values) {
        var sorted = values.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        return sorted.length % 2 == 1 ? sorted[sorted.length / 2] : (sorted[sorted.length / 2 - 1] + sorted[sorted.length / 2]) / 2;
    }

    private static Rate measure(String bootstrapServers, int fkbs, int links, int threads, int slots) throws Exception {
        try (var registry = EmbeddedSchemaRegistry.start(new RegistrySettings(bootstrapServers, "127.0.0.1", 0, "_schemas"));
                var context = IngestThroughputHarness.ingestService(bootstrapServers, registry.url(), slots)) {
            var ingestion = context.getBean(IngestionService.class);
            IngestThroughputHarness.ingestAll(ingestion, "warmup", fkbs / 5, links, threads);
            var cpu = (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
            var started = System.nanoTime();
            long cpuStarted = cpu.getProcessCpuTime();
            long events = IngestThroughputHarness.ingestAll(ingestion, "bench", fkbs, links, threads);
            return new Rate(events, (System.nanoTime() - started) / 1e9, (cpu.getProcessCpuTime() - cpuStarted) / 1e9);
        }
    }

    /** Created before ingest starts, which then finds them and leaves them as they are. */
    private static void createReplicatedTopics(String bootstrapServers) throws Exception {
        try (var admin = Admin.create(Map.<String, Object>of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers))) {
            admin.createTopics(CatalogueTopics.replicated((short) 3, 2)).all().get();
        }
    }

    private static void deleteQuietly(Path directory) {
        org.springframework.util.FileSystemUtils.deleteRecursively(directory.toFile());
    }
}
