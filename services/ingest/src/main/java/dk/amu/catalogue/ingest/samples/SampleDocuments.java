package dk.amu.catalogue.ingest.samples;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;

import dk.amu.catalogue.ingest.ingestion.DocumentSubmission;
import dk.amu.catalogue.ingest.ingestion.IngestionService;
import dk.amu.catalogue.ingest.ingestion.SnapshotStore;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;

/**
 * On a first start (no FKB known yet) ingests the two bundled FKB documents and prints their
 * reports, so a newcomer sees events at once. {@code catalogue.ingest.samples} does it as the service
 * starts; the standalone calls {@link #ingestOnFirstStart} itself, once every service is ready.
 */
@Component
public class SampleDocuments {

    record Sample(String fkbCode, String title, String resource) {
    }

    static final List<Sample> SAMPLES = List.of(
            new Sample("viden-og-forretningsservice", "Viden- og forretningsservice", "samples/viden-og-forretningsservice.txt"),
            new Sample("offentlig-forvaltning", "Offentlig forvaltning", "samples/offentlig-forvaltning.txt"));

    private final IngestionService ingestion;

    private final SnapshotStore snapshots;

    SampleDocuments(IngestionService ingestion, SnapshotStore snapshots) {
        this.ingestion = ingestion;
        this.snapshots = snapshots;
    }

    /** As the service starts, when {@code catalogue.ingest.samples} is set. */
    @Component
    @ConditionalOnBooleanProperty("catalogue.ingest.samples")
    static class OnStart implements ApplicationRunner {

        private final SampleDocuments samples;

        OnStart(SampleDocuments samples) {
            this.samples = samples;
        }

        @Override
        public void run(ApplicationArguments args) {
            samples.ingestOnFirstStart();
        }
    }

    /** Ingests the samples if no FKB is known yet; else does nothing. */
    public void ingestOnFirstStart() {
        if (!snapshots.all().isEmpty()) {
            return;
        }
        System.out.println("First start: ingesting the bundled sample FKB documents");
        for (var sample : SAMPLES) {
            var report = ingestion.ingest(new DocumentSubmission(sample.fkbCode(), read(sample.resource()),
                    sample.resource(), sample.title(), false));
            System.out.print(report.toText());
        }
    }

    private static byte[] read(String resource) {
        try (var in = new ClassPathResource(resource).getInputStream()) {
            return in.readAllBytes();
        }
        catch (IOException ex) {
            throw new UncheckedIOException("the bundled sample " + resource + " is missing", ex);
        }
    }
}
