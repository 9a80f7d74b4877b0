package dk.amu.catalogue.audit.replay;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.util.Arrays;

/** One record of a topic as Kafka holds it: where it is, and its bytes undecoded. */
public record RawRecord(String topic, int partition, long offset, byte[] key, byte[] value) {

    /** The key as text: the FKB code on the catalogue's topics. */
    public String keyText() {
        return key == null ? null : new String(key, UTF_8);
    }

    /** Whether the key is this text, without decoding it. */
    public boolean keyIs(byte[] expected) {
        return key != null && Arrays.equals(key, expected);
    }

    public String where() {
        return topic + " partition " + partition + " offset " + offset;
    }
}
