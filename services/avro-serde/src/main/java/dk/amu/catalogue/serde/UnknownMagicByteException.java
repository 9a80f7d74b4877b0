package dk.amu.catalogue.serde;

import org.apache.kafka.common.errors.SerializationException;

/** The record does not start with magic byte 0: it was not written in the Confluent Avro wire format. */
public final class UnknownMagicByteException extends SerializationException {

    private final String topic;

    private final byte magicByte;

    public UnknownMagicByteException(String topic, byte magicByte) {
        super(String.format("record on topic '%s' starts with byte 0x%02x, not the magic byte 0x00: it was not written"
                + " in the Confluent Avro wire format", topic, magicByte & 0xff));
        this.topic = topic;
        this.magicByte = magicByte;
    }

    public String topic() {
        return topic;
    }

    public byte magicByte() {
        return magicByte;
    }
}
