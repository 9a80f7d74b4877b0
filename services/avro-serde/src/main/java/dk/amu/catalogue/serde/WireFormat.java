package dk.amu.catalogue.serde;

/**
 * The Confluent wire format: magic byte {@code 0}, the writer schema's registry id as 4 bytes
 * big-endian, then the Avro binary encoding of the datum with no container or single-object header.
 */
public final class WireFormat {

    public static final byte MAGIC_BYTE = 0;

    /** Magic byte plus schema id. */
    public static final int HEADER_SIZE = 5;

    private WireFormat() {
    }

    /** The 5 header bytes for records written with the given schema id. */
    public static byte[] header(int schemaId) {
        return new byte[] {MAGIC_BYTE, (byte) (schemaId >>> 24), (byte) (schemaId >>> 16), (byte) (schemaId >>> 8),
                (byte) schemaId};
    }

    /** The schema id of a framed record; the caller has checked it has a full header. */
    public static int schemaId(byte[] framed) {
        return (framed[1] & 0xff) << 24 | (framed[2] & 0xff) << 16 | (framed[3] & 0xff) << 8 | (framed[4] & 0xff);
    }
}
