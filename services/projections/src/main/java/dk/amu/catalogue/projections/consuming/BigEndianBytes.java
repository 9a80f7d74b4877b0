package dk.amu.catalogue.projections.consuming;

import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.util.Arrays;

import org.postgresql.copy.CopyIn;

/**
 * A growing byte buffer in network byte order, as PostgreSQL's binary COPY format wants its
 * integers: {@link CopyRows} frames rows and fields with it.
 */
final class BigEndianBytes {

    private byte[] bytes = new byte[1 << 16];

    private int size;

    int size() {
        return size;
    }

    void clear() {
        size = 0;
    }

    void writeTo(CopyIn copy) throws SQLException {
        copy.writeToCopy(bytes, 0, size);
    }

    /** The length, then the UTF-8 bytes; ASCII is copied a char at a time, the rest by the JDK's encoder. */
    void utf8(String value) {
        int lengthAt = size;
        ensure(4 + value.length());
        size += 4;
        int start = size;
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c >= 0x80) {
                put(value.substring(i).getBytes(StandardCharsets.UTF_8));
                break;
            }
            bytes[size++] = (byte) c;
        }
        putInt(lengthAt, size - start);
    }

    void put(byte[] value) {
        ensure(value.length);
        System.arraycopy(value, 0, bytes, size, value.length);
        size += value.length;
    }

    void putShort(short value) {
        ensure(2);
        putShort(size, value);
        size += 2;
    }

    void putShort(int at, short value) {
        bytes[at] = (byte) (value >>> 8);
        bytes[at + 1] = (byte) value;
    }

    void putInt(int value) {
        ensure(4);
        putInt(size, value);
        size += 4;
    }

    void putInt(int at, int value) {
        bytes[at] = (byte) (value >>> 24);
        bytes[at + 1] = (byte) (value >>> 16);
        bytes[at + 2] = (byte) (value >>> 8);
        bytes[at + 3] = (byte) value;
    }

    void putLong(long value) {
        putInt((int) (value >>> 32));
        putInt((int) value);
    }

    private void ensure(int more) {
        if (size + more > bytes.length) {
            bytes = Arrays.copyOf(bytes, Math.max(bytes.length * 2, size + more));
        }
    }
}
