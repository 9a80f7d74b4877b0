package dk.amu.catalogue.audit.verify;

/** The last event of an FKB's chain: a checkpoint to keep elsewhere and compare with a later verify. */
public record ChainHead(String fkbCode, long sequence, String hash) {
}
