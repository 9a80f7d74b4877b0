package dk.amu.catalogue.audit.verify;

/** What is wrong with a record of the log, as verify reports it. */
public enum Problem {
    /** Its content does not give the hash or id it carries. */
    ALTERED,
    /** Sequences before it never appeared. */
    MISSING,
    /** A sequence at or below one already seen in its FKB. */
    OUT_OF_ORDER,
    /** Its previousHash is not the hash of the event before it. */
    BROKEN_LINK,
    /** Not a catalogue event in the wire format with a schema the registry knows. */
    UNDECODABLE,
    /** Correctly chained, but its events change a link the FKB never linked. */
    INCONSISTENT,
    /** The FKB's latest snapshot disagrees with the state folded from its events. */
    SNAPSHOT_MISMATCH
}
