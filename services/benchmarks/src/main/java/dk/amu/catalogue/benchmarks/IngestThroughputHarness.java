package dk.amu.catalogue.benchmarks;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import dk.amu.catalogue.events.v1.CatalogueEvent;
import dk.amu.catalogue.ingest.IngestApplication;
import dk.amu.catalogue.ingest.changes.CatalogueDiff;
import dk.amu.catalogue.ingest.changes.DocumentOrigin;
import dk.amu.catalogue.ingest.document.FkbDocumentParser;
import dk.amu.catalogue.ingest.ingestion.DocumentSubmission;
import dk.amu.catalogue.ingest.ingestion.IngestionReport;
import dk.amu.catalogue.ingest.ingestion.IngestionService;
import dk.amu.catalogue.kafka.broker.BrokerSettings;
import dk.amu.catalogue.kafka.broker.EmbeddedKafkaBroker;
import dk.amu.catalogue.registry.EmbeddedSchemaRegistry;
import dk.amu.catalogue.registry.RegistrySettings;
import org.apache.avro.io.EncoderFactory;
import org.apache.avro.specific.SpecificDatumWriter;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.tools.ProducerPerformance;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * A synthetic catalogue of 300 FKBs x 150 links ingested into the standalone broker (the same
 * in-process KRaft broker and registry the standalone runtime starts), after a warm-up round, then
 * Kafka's own ProducerPerformance against the same broker with as many records of the same average
 * size. Prints both rates and their ratio.
 *
 * <p>{@code java -cp services/benchmarks/target/benchmarks.jar dk.amu.catalogue.benchmarks.IngestThroughputHarness [fkbs] [links] [threads] [slots]}
 */
public final class IngestThroughputHarness {

    private IngestThroughputHarness() {
    }

    public static void main(String[] args) throws Exception {
        int fkbs = args.length > 0 ? Integer.parseInt(args[0]) : 300;
        int links = args.length > 1 ? Integer.parseInt(args[1]) : 150;
        int threads = args.length > 2 ? Integer.parseInt(args[2]) : 4;
        int slots = args.length > 3 ? Integer.parseInt(args[3]) : 8;
        var data = Files.createTempDirectory("ingest-throughput");
        try (var broker = EmbeddedKafkaBroker.start(BrokerSettings.onFreePorts(data.resolve("kafka")));
                var registry = EmbeddedSchemaRegistry.start(new RegistrySettings(broker.bootstrapServers(), "127.0.0.1", 0, "_schemas"));
                var context = ingestService(broker.bootstrapServers(), registry.url(), slots)) {
            var ingestion = context.getBean(IngestionService.class);
            ingestAll(ingestion, "warmup", fkbs / 5, links, threads);
            var started = System.nanoTime();
            long events = ingestAll(ingestion, "bench", fkbs, links, threads);
            double seconds = (System.nanoTime() - started) / 1e9;
            double ingestRate = events / seconds;
            System.out.printf("%nINGEST: %d FKBs x %d links = %d events in %.2f s = %.0f events/s (%d threads, %d transaction slots)%n",
                    fkbs, links, events, seconds, ingestRate, threads, slots);

            int recordSize = averageEventSize(links);
            double producerRate = producerPerformance(broker.bootstrapServers(), events, recordSize);
            System.out.printf("%nPRODUCER PERFORMANCE: %d records of %d bytes, acks=all: %.0f records/s%n", events, recordSize, producerRate);
            System.out.printf("RATIO: ingest reaches %.0f %% of ProducerPerformance's records/s%n", 100 * ingestRate / producerRate);
        }
    }

    static long ingestAll(IngestionService ingestion, String prefix, int fkbs, int links, int threads) throws Exception {
        var documents = new ArrayList<DocumentSubmission>();
        for (int i = 0; i < fkbs; i++) {
            documents.add(new DocumentSubmission(prefix + "-" + i, syntheticDocument(i, links), "synthetic-" + i + ".txt", null, false));
        }
        var pool = Executors.newFixedThreadPool(threads);
        try {
            var reports = new ArrayList<Future<IngestionReport>>();
            documents.forEach(document -> reports.add(pool.submit(() -> ingestion.ingest(document))));
            long events = 0;
            for (var report : reports) {
                events += report.get().events().size();
            }
            return events;
        }
        finally {
            pool.shutdown();
        }
    }

    static byte[] syntheticDocument(int fkb, int links) {
        var text = new StringBuilder()
                .append("Målgruppen for FKB Syntetisk ").append(fkb).append(" er medarbejdere i en syntetisk branche.\n\n")
                .append("Aktuelt tilkoblede mål\n\nNiveau kan angives ved enkeltfag.\n\n")
                .append("Nummer, niveau og titel EUU Varighed\ni dage\n\nTilknyttet i perioden\n\n");
        for (int j = 0; j < links; j++) {
            int course = 10000 + (fkb * 7919 + j * 104729) % 90000;
            text.append(String.format("%05d Syntetisk kursus %d nummer %d AD %d,0 19-12-2024 %s%n", course, fkb, j, 1 + j % 5,
                    j % 10 == 0 ? "til 30-06-2027" : "og fremefter"));
        }
        return text.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static int averageEventSize(int links) throws IOException {
        var document = new FkbDocumentParser().parse(syntheticDocument(0, links), "size.txt");
        var changes = new CatalogueDiff().diff("size-0", null, document, null,
                new DocumentOrigin("0".repeat(64), "size.txt", "size"), Instant.now(), LocalDate.of(2025, 1, 1));
        var writer = new SpecificDatumWriter<>(CatalogueEvent.class);
        var out = new ByteArrayOutputStream();
        var encoder = EncoderFactory.get().directBinaryEncoder(out, null);
        for (var event : changes.events()) {
            writer.write(event, encoder);
        }
        // five bytes of Confluent framing per record
        return out.size() / changes.events().size() + 5;
    }

    private static double producerPerformance(String bootstrap, long records, int recordSize) throws Exception {
        try (var admin = Admin.create(Map.of("bootstrap.servers", bootstrap))) {
            admin.createTopics(List.of(new NewTopic("benchmark.producer-performance", 6, (short) 1))).all().get();
        }
        String[] args = { "--topic", "benchmark.producer-performance", "--num-records", String.valueOf(records),
                "--record-size", String.valueOf(recordSize), "--throughput", "-1",
                "--producer-props", "bootstrap.servers=" + bootstrap, "acks=all" };
        var started = System.nanoTime();
        ProducerPerformance.main(args);
        return records / ((System.nanoTime() - started) / 1e9);
    }

    static ConfigurableApplicationContext ingestService(String bootstrapServers, String registryUrl, int slots) {
        return IngestApplication.headless(Map.of(
                "spring.kafka.bootstrap-servers", bootstrapServers,
                "catalogue.registry-url", registryUrl,
                "catalogue.ingest.auto-register-schemas", true,
                "catalogue.ingest.transaction-slots", slots,
                // the benchmarks jar holds every service; ingest keeps no database
                "spring.autoconfigure.exclude", "org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration,"
                        + "org.springframework.boot.flyway.autoconfigure.FlywayAutoConfiguration",
                "logging.level.root", "WARN"));
    }
}
