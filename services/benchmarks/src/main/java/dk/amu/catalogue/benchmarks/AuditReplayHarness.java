package dk.amu.catalogue.benchmarks;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import dk.amu.catalogue.audit.system.HeadlessAudit;
import dk.amu.catalogue.audit.queries.AuditQueries;
import dk.amu.catalogue.audit.replay.Progress;
import dk.amu.catalogue.eventlog.CatalogueTopics;
import dk.amu.catalogue.kafka.broker.BrokerSettings;
import dk.amu.catalogue.kafka.broker.EmbeddedKafkaBroker;
import dk.amu.catalogue.registry.EmbeddedSchemaRegistry;
import dk.amu.catalogue.registry.RegistrySettings;
import dk.amu.catalogue.serde.AvroSerializer;
import dk.amu.catalogue.serde.registry.SchemaRegistryClient;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.tools.ConsumerPerformance;

/**
 * The audit's replay over a long log: starts the in-process broker and registry, writes
 * {@code fkbs x eventsPerFkb} correctly chained synthetic events (and a snapshot per FKB) with a
 * plain batched producer, then measures in a separate JVM with {@code -Xmx256m}, so that only the
 * audit's heap counts: Kafka's ConsumerPerformance on the events topic, the as-of state of all FKBs
 * and of one, and verify. Prints a table.
 *
 * <p>{@code java -cp services/benchmarks/target/benchmarks.jar dk.amu.catalogue.benchmarks.AuditReplayHarness [fkbs=1000] [eventsPerFkb=1000] [linksPerFkb=100]}
 */
public final class AuditReplayHarness {

    private AuditReplayHarness() {
    }

    public static void main(String[] args) throws Exception {
        var size = LogSize.of(args);
        var data = Files.createTempDirectory("audit-replay");
        try (var broker = EmbeddedKafkaBroker.start(BrokerSettings.onFreePorts(data.resolve("kafka")));
                var registry = EmbeddedSchemaRegistry.start(new RegistrySettings(broker.bootstrapServers(), "127.0.0.1", 0, "_schemas"))) {
            try (var admin = Admin.create(Map.of("bootstrap.servers", broker.bootstrapServers()))) {
                admin.createTopics(CatalogueTopics.singleBroker()).all().get();
            }
            var started = System.nanoTime();
            long events = write(broker.bootstrapServers(), registry.url(), size.fkbs(), size.eventsPerFkb(), size.links());
            System.out.printf("%nWROTE %,d events of %d FKBs (%d links each) and %d snapshots in %.1f s%n", events, size.fkbs(),
                    size.links(), size.fkbs(), (System.nanoTime() - started) / 1e9);
            var java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
            var measure = new ProcessBuilder(java, "-Xmx256m", "-cp", System.getProperty("java.class.path"),
                    Measure.class.getName(), broker.bootstrapServers(), registry.url(), Long.toString(events))
                    .inheritIO().start();
            int exit = measure.waitFor();
            if (exit != 0) {
                throw new IllegalStateException("the measuring JVM failed with exit code " + exit);
            }
        }
        finally {
            org.springframework.util.FileSystemUtils.deleteRecursively(data);
        }
    }

    static long write(String bootstrap, String registryUrl, int fkbs, int eventsPerFkb, int links) {
        var registry = SchemaRegistryClient.forUrl(registryUrl);
        long written = 0;
        try (var producer = new KafkaProducer<String, SpecificRecord>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                ProducerConfig.ACKS_CONFIG, "1",
                ProducerConfig.LINGER_MS_CONFIG, 20,
                ProducerConfig.BATCH_SIZE_CONFIG, 512 * 1024,
                ProducerConfig.BUFFER_MEMORY_CONFIG, 128L * 1024 * 1024), new StringSerializer(),
                new AvroSerializer<>(registry, true))) {
            for (int f = 0; f < fkbs; f++) {
                var history = SyntheticHistory.of(f, eventsPerFkb, links);
                var fkb = history.snapshot().getFkbCode();
                for (var event : history.events()) {
                    producer.send(new ProducerRecord<>(CatalogueTopics.EVENTS, fkb, event));
                }
                producer.send(new ProducerRecord<>(CatalogueTopics.SNAPSHOTS, fkb, history.snapshot()));
                written += history.events().size();
            }
            producer.flush();
        }
        return written;
    }

    /** The measuring JVM: what runs here is what the heap figures are about. */
    public static final class Measure {

        private static final java.lang.management.ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

        private Measure() {
        }

        public static void main(String[] args) throws Exception {
            String bootstrap = args[0];
            String registryUrl = args[1];
            long events = Long.parseLong(args[2]);
            var rows = new ArrayList<String>();

            resetPeaks();
            long cpuStarted = THREADS.getCurrentThreadCpuTime();
            double rawRate = consumerPerformance(bootstrap, events);
            double rawCpu = (THREADS.getCurrentThreadCpuTime() - cpuStarted) / 1e9;
            rows.add(String.format("| ConsumerPerformance (its fetch.nMsg.sec) | %,d | | %,.0f | | %.2f s | %s | |", events,
                    rawRate, rawCpu, peakHeapMb()));

            try (var context = HeadlessAudit.start(Map.of(
                    "spring.kafka.bootstrap-servers", bootstrap,
                    "catalogue.registry-url", registryUrl,
                    "logging.level.root", "WARN",
                    "logging.level.org.apache.kafka", "ERROR"))) {
                var queries = context.getBean(AuditQueries.class);
                var asOf = LocalDate.of(2026, 1, 1);
                var now = Instant.now();
                // a first, untimed replay of a small part warms the JIT and the registry cache, as a running service is
                queries.state("synthetic-0", asOf, now);

                rows.add(timed("as-of state, all FKBs", events, rawRate, () -> queries.state(null, asOf, now).size() + " links"));
                rows.add(timed("as-of state, one FKB", events, rawRate, () -> queries.state("synthetic-7", asOf, now).size() + " links"));
                rows.add(timed("verify", events, rawRate, () -> {
                    var report = queries.verify(null, Progress.NONE);
                    if (!report.passed()) {
                        throw new IllegalStateException("verify found " + report.findings());
                    }
                    return report.heads().size() + " heads, passed";
                }));
            }
            System.out.printf("%n| run | events | time | events/s | of ConsumerPerformance | CPU of the reading thread "
                    + "| heap at most (-Xmx256m) | answer |%n");
            System.out.printf("|---|---|---|---|---|---|---|---|%n");
            rows.forEach(System.out::println);
            System.exit(0);
        }

        interface Run {
            String answer() throws Exception;
        }

        private static String timed(String name, long events, double rawRate, Run run) throws Exception {
            System.gc();
            resetPeaks();
            long started = System.nanoTime();
            long cpuStarted = THREADS.getCurrentThreadCpuTime();
            String answer = run.answer();
            double cpu = (THREADS.getCurrentThreadCpuTime() - cpuStarted) / 1e9;
            double seconds = (System.nanoTime() - started) / 1e9;
            double rate = events / seconds;
            return String.format("| %s | %,d | %.2f s | %,.0f | %.0f %% | %.2f s | %s | %s |", name, events, seconds,
                    rate, 100 * rate / rawRate, cpu, peakHeapMb(), answer);
        }

        /** Kafka's own consumer benchmark, with the audit's fetch sizes; its fetch rate leaves the group join out. */
        private static double consumerPerformance(String bootstrap, long events) throws IOException {
            var config = Files.createTempFile("consumer-performance", ".properties");
            Files.writeString(config, "fetch.max.bytes=33554432\nmax.partition.fetch.bytes=8388608\n"
                    + "max.poll.records=5000\nreceive.buffer.bytes=1048576\nisolation.level=read_committed\n");
            var captured = new ByteArrayOutputStream();
            var original = System.out;
            System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
            try {
                ConsumerPerformance.main(new String[] { "--bootstrap-server", bootstrap, "--topic", CatalogueTopics.EVENTS,
                        "--num-records", Long.toString(events), "--command-config", config.toString(), "--timeout", "60000" });
            }
            finally {
                System.setOut(original);
                Files.deleteIfExists(config);
            }
            var output = captured.toString(StandardCharsets.UTF_8);
            System.out.print("ConsumerPerformance: " + output);
            var lines = output.strip().lines().toList();
            var fields = lines.get(lines.size() - 1).split(",\\s*");
            return Double.parseDouble(fields[fields.length - 1]);
        }

        private static volatile long maxUsed;

        private static volatile long maxLive;

        static {
            var sampler = new Thread(Measure::sample, "heap-sampler");
            sampler.setDaemon(true);
            sampler.start();
        }

        /** Every 10 ms: the heap in use, and the heap still in use after the last collection (the live set). */
        private static void sample() {
            var memory = ManagementFactory.getMemoryMXBean();
            while (true) {
                maxUsed = Math.max(maxUsed, memory.getHeapMemoryUsage().getUsed());
                long live = heapPools().stream().map(MemoryPoolMXBean::getCollectionUsage)
                        .filter(usage -> usage != null).mapToLong(usage -> usage.getUsed()).sum();
                maxLive = Math.max(maxLive, live);
                try {
                    Thread.sleep(10);
                }
                catch (InterruptedException ex) {
                    return;
                }
            }
        }

        private static void resetPeaks() {
            maxUsed = 0;
            maxLive = 0;
        }

        private static String peakHeapMb() {
            return String.format("%d MB used, %d MB live", maxUsed / (1024 * 1024), maxLive / (1024 * 1024));
        }

        private static List<MemoryPoolMXBean> heapPools() {
            return ManagementFactory.getMemoryPoolMXBeans().stream().filter(pool -> pool.getType() == MemoryType.HEAP).toList();
        }
    }
}
