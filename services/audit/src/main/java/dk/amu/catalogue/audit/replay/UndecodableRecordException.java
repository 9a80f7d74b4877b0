package dk.amu.catalogue.audit.replay;

/** A record of the log that is not a catalogue event in the Confluent wire format with a known schema. */
public class UndecodableRecordException extends RuntimeException {

    private final RawRecord record;

    public UndecodableRecordException(RawRecord record, String reason, Throwable cause) {
        super(record.where() + " cannot be decoded: " + reason, cause);
        this.record = record;
    }

    public int partition() {
        return record.partition();
    }

    public long offset() {
        return record.offset();
    }

    public String reason() {
        var cause = getCause();
        return cause == null || cause.getMessage() == null ? getMessage() : cause.getMessage();
    }
}
