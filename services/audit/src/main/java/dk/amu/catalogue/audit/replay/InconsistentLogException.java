package dk.amu.catalogue.audit.replay;

/** Records that decode but do not fold: an event changes a link its FKB never linked. Verify says where the chain breaks. */
public class InconsistentLogException extends RuntimeException {

    public InconsistentLogException(RawRecord record, String reason, Throwable cause) {
        super(record.where() + ": " + reason + "; run verify", cause);
    }
}
