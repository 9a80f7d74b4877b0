package dk.amu.catalogue.benchmarks;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.stream.Collectors;

import dk.amu.catalogue.ingest.changes.CatalogueDiff;
import dk.amu.catalogue.ingest.changes.ChangeSet;
import dk.amu.catalogue.ingest.changes.DocumentOrigin;
import dk.amu.catalogue.ingest.document.FkbDocumentParser;
import dk.amu.catalogue.snapshots.v1.CatalogueSnapshot;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Setup;

/**
 * Parse + diff of a fixture document against the FKB's previous snapshot (an earlier revision with
 * three courses fewer and two end dates not yet announced), as one ingestion does it before Kafka.
 * Sample-time mode reports the median (p0.50).
 */
public class ParseDiffBenchmark extends MedianMilliseconds {

    @Param({ "viden-og-forretningsservice", "offentlig-forvaltning" })
    public String fixture;

    private final FkbDocumentParser parser = new FkbDocumentParser();

    private final CatalogueDiff diff = new CatalogueDiff();

    private byte[] document;

    private CatalogueSnapshot previous;

    private final DocumentOrigin origin = new DocumentOrigin("0".repeat(64), "benchmark.txt", "benchmark");

    private final Instant now = Instant.parse("2025-05-01T10:00:00Z");

    @Setup
    public void setUp() {
        var text = resource("samples/" + fixture + ".txt");
        document = text.getBytes(StandardCharsets.UTF_8);
        var earlier = text.lines()
                .filter(line -> !line.strip().matches("^(2248[78]|22598|22634|20833|20974) .*"))
                .map(line -> line.replace("til 30-06-2025", "og fremefter"))
                .collect(Collectors.joining("\n"));
        var earlierDocument = parser.parse(earlier.getBytes(StandardCharsets.UTF_8), "earlier.txt");
        previous = diff.diff(fixture, null, earlierDocument, null, origin, now, LocalDate.of(2025, 3, 1)).snapshot();
    }

    @Benchmark
    public ChangeSet parseAndDiff() {
        var parsed = parser.parse(document, "fixture.txt");
        return diff.diff(fixture, previous, parsed, null, origin, now, LocalDate.of(2025, 5, 1));
    }

    static String resource(String name) {
        try (var in = ParseDiffBenchmark.class.getClassLoader().getResourceAsStream(name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }
}
