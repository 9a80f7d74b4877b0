package dk.amu.catalogue.audit.verify;

/**
 * The last event of an FKB's chain: a checkpoint to keep elsewhere and compare with a later verify.
 *
 * @param snapshot how the FKB's latest snapshot compares with the state its events fold to
 */
public record ChainHead(String fkbCode, long sequence, String hash, SnapshotCheck snapshot) {

    public enum SnapshotCheck {
        /** The snapshot has this head and the links the events fold to. */
        AGREES,
        /** The snapshot says otherwise: a finding tells how. */
        DIFFERS,
        /** No snapshot of the FKB (a log written without ingest): nothing to compare. */
        NONE,
        /** The chain itself is broken; its findings say where. */
        NOT_COMPARED
    }
}
