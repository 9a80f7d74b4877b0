package dk.amu.catalogue.eventlog;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;
import java.util.HexFormat;
import java.util.Objects;
import java.util.UUID;

import org.apache.avro.Schema;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericDatumReader;
import org.apache.avro.generic.GenericDatumWriter;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.DecoderFactory;
import org.apache.avro.io.EncoderFactory;

/**
 * The chain's rules applied to an event as it was written: decoded with its writer schema (the one
 * its registry id names), with no generated class involved. This is how a verifier checks history
 * that older schemas wrote: {@link EventChain} hashes under the current schema, this under any.
 */
public final class WrittenEvents {

    private static final HexFormat HEX = HexFormat.of();

    private WrittenEvents() {
    }

    /** Decodes plain Avro binary (no wire-format header) with the schema it was written with. */
    public static GenericRecord decode(byte[] bytes, int offset, int length, Schema writerSchema) {
        try {
            return new GenericDatumReader<GenericRecord>(writerSchema)
                    .read(null, DecoderFactory.get().binaryDecoder(bytes, offset, length, null));
        } catch (IOException | RuntimeException e) {
            throw new IllegalArgumentException("not a " + writerSchema.getName() + " in the schema it names: " + e.getMessage(), e);
        }
    }

    /** The hash the event should carry: SHA-256 over previousHash and its encoding with hash set to "". */
    public static String hashOf(GenericRecord event) {
        GenericData.Record unhashed = new GenericData.Record((GenericData.Record) event, false);
        unhashed.put("hash", "");
        MessageDigest sha256 = sha256();
        sha256.update(event.get("previousHash").toString().getBytes(UTF_8));
        sha256.update(encode(unhashed));
        return HEX.formatHex(sha256.digest());
    }

    /** The content-derived id the event should carry; the same rule as {@link EventChain#eventIdOf}. */
    public static String eventIdOf(GenericRecord event) {
        GenericRecord payload = (GenericRecord) event.get("payload");
        GenericRecord source = (GenericRecord) event.get("source");
        String canonical = String.join("\n",
                event.get("fkbCode").toString(),
                event.get("sequence").toString(),
                payload.getSchema().getName(),
                HEX.formatHex(encode(payload)),
                LocalDate.ofEpochDay((Integer) event.get("effectiveDate")).toString(),
                Objects.toString(source.get("documentSha256"), ""));
        return UUID.nameUUIDFromBytes(canonical.getBytes(UTF_8)).toString();
    }

    private static byte[] encode(GenericRecord record) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        BinaryEncoder encoder = EncoderFactory.get().directBinaryEncoder(bytes, null);
        try {
            new GenericDatumWriter<GenericRecord>(record.getSchema()).write(record, encoder);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }


    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime provides SHA-256", e);
        }
    }
}
