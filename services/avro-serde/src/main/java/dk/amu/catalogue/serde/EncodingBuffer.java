package dk.amu.catalogue.serde;

import java.io.OutputStream;
import java.util.Arrays;

import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.EncoderFactory;

/**
 * One thread's reusable output: a growable byte array without ByteArrayOutputStream's locking,
 * and the Avro encoder writing into it. Only the final copy is allocated per record.
 */
final class EncodingBuffer extends OutputStream {

    private static final ThreadLocal<EncodingBuffer> PER_THREAD = ThreadLocal.withInitial(EncodingBuffer::new);

    /** A buffer that grew for one huge record is dropped rather than kept per thread forever. */
    private static final int RETAINED_CAPACITY = 1 << 20;

    private byte[] bytes = new byte[512];

    private int count;

    private final BinaryEncoder encoder = EncoderFactory.get().directBinaryEncoder(this, null);

    static EncodingBuffer forThisThread() {
        return PER_THREAD.get();
    }

    /** Starts a new record with the given header, and returns the encoder for its body. */
    BinaryEncoder start(byte[] header) {
        if (bytes.length > RETAINED_CAPACITY) {
            bytes = new byte[512];
        }
        System.arraycopy(header, 0, bytes, 0, header.length);
        count = header.length;
        return encoder;
    }

    byte[] toByteArray() {
        return Arrays.copyOf(bytes, count);
    }

    @Override
    public void write(int b) {
        ensure(1);
        bytes[count++] = (byte) b;
    }

    @Override
    public void write(byte[] source, int offset, int length) {
        ensure(length);
        System.arraycopy(source, offset, bytes, count, length);
        count += length;
    }

    private void ensure(int more) {
        if (count + more > bytes.length) {
            bytes = Arrays.copyOf(bytes, Math.max(bytes.length * 2, count + more));
        }
    }
}
