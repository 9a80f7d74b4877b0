package dk.amu.catalogue.ingest.changes;

import java.util.List;
import java.util.Objects;

import dk.amu.catalogue.events.v1.CatalogueEvent;
import dk.amu.catalogue.snapshots.v1.CatalogueSnapshot;

/**
 * What one ingestion or expiry run produced for one FKB.
 *
 * <p>{@code snapshot} is never null. When {@code events} is empty it is the input snapshot,
 * unchanged, and the caller writes nothing: neither events nor snapshot. Otherwise it is the state
 * after the events, with {@code headSequence} and {@code headHash} of the last event, to be written
 * to the snapshot topic in the same transaction as the events.
 *
 * @param events the new events of the FKB in chain order; empty when nothing changed
 * @param snapshot the state after the events, or the unchanged input when there are none
 */
public record ChangeSet(List<CatalogueEvent> events, CatalogueSnapshot snapshot) {

    public ChangeSet {
        events = List.copyOf(events);
        Objects.requireNonNull(snapshot, "snapshot");
    }

    static ChangeSet unchanged(CatalogueSnapshot snapshot) {
        return new ChangeSet(List.of(), snapshot);
    }

    /** True when there is something to write. */
    public boolean hasChanges() {
        return !events.isEmpty();
    }
}
