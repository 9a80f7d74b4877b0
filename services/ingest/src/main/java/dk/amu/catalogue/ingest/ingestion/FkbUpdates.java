package dk.amu.catalogue.ingest.ingestion;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import dk.amu.catalogue.ingest.changes.ChangeSet;
import dk.amu.catalogue.snapshots.v1.CatalogueSnapshot;
import org.springframework.stereotype.Component;

/**
 * The one way an FKB changes, whatever asks for it (a document, the expiry clock): while no other writer
 * of the FKB runs, from its latest snapshot and at one instant of the catalogue's clock, and published
 * with the new snapshot in one transaction when it changes anything. When another writer fenced this
 * one, the change is worked out again from what that writer committed (see {@link FkbWriters}).
 */
@Component
public class FkbUpdates {

    private final SnapshotStore snapshots;

    private final FkbWriters writers;

    private final Clock clock;

    FkbUpdates(SnapshotStore snapshots, FkbWriters writers, Clock clock) {
        this.snapshots = snapshots;
        this.writers = writers;
        this.clock = clock;
    }

    /** The codes of every FKB a document has been ingested for. */
    public List<String> fkbCodes() {
        return snapshots.all().stream().map(CatalogueSnapshot::getFkbCode).toList();
    }

    /** Works out the FKB's change and publishes it when it has any; returns it, published or empty. */
    public ChangeSet update(String fkbCode, Change change) {
        return writers.exclusively(fkbCode, () -> {
            var now = clock.instant();
            var changes = change.from(snapshots.latest(fkbCode).orElse(null), now,
                    LocalDate.ofInstant(now, clock.getZone()));
            if (changes.hasChanges()) {
                writers.publish(fkbCode, changes);
            }
            return changes;
        });
    }

    /** What changes, given the FKB's latest snapshot ({@code null} for a new FKB), the instant and its date. */
    @FunctionalInterface
    public interface Change {

        ChangeSet from(CatalogueSnapshot previous, Instant now, LocalDate today);
    }
}
