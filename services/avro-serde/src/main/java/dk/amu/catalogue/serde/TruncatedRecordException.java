package dk.amu.catalogue.serde;

import org.apache.kafka.common.errors.SerializationException;

/** The record ends too early: inside the 5-byte header, or before its Avro data is complete. */
public final class TruncatedRecordException extends SerializationException {

    private final String topic;

    private final int schemaId;

    private TruncatedRecordException(String message, String topic, int schemaId, Throwable cause) {
        super(message, cause);
        this.topic = topic;
        this.schemaId = schemaId;
    }

    static TruncatedRecordException inHeader(String topic, int length) {
        return new TruncatedRecordException("record on topic '" + topic + "' has " + length + " byte(s), fewer than the "
                + WireFormat.HEADER_SIZE + " of the wire format header (magic byte and schema id)", topic, -1, null);
    }

    static TruncatedRecordException inBody(String topic, int schemaId, int length, Throwable cause) {
        return new TruncatedRecordException("record on topic '" + topic + "' with schema id " + schemaId + " ends after "
                + length + " bytes, before its Avro data is complete", topic, schemaId, cause);
    }

    public String topic() {
        return topic;
    }

    /** The id from the header; -1 when the header itself is cut short. */
    public int schemaId() {
        return schemaId;
    }
}
