package dk.amu.catalogue.audit.verify;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Objects;
import java.util.UUID;

import dk.amu.catalogue.eventlog.EventChain;
import dk.amu.catalogue.events.v1.CatalogueEvent;
import dk.amu.catalogue.serde.WireFormat;
import org.apache.avro.specific.SpecificRecordBase;

/**
 * The hash and id of an event written with the current schema, recomputed from the record's own
 * bytes where they are the canonical encoding, which spares re-encoding every event.
 *
 * <p>Why this is the chain's rule and not a shortcut around it: the rule hashes previousHash and the
 * canonical encoding of the event with {@code hash} set to "". Where the record's bytes are that
 * encoding, the same bytes with the hash field emptied are exactly what the rule hashes; offsets
 * come from the decoded values. If they are not (a writer that encoded differently, or offsets that
 * do not fit), the digest differs from the one carried, and only then is the event re-encoded with
 * {@link EventChain}, whose answer counts. A match proves the bytes are the canonical encoding,
 * since SHA-256 has no known collisions; so the verdict is always the rule's. The same goes for
 * the id, over the payload's bytes. One instance per thread: the digests are reused.
 */
final class RecordHashes {

    private static final HexFormat HEX = HexFormat.of();

    private final MessageDigest sha256 = digest("SHA-256");

    private final MessageDigest md5 = digest("MD5");

    private static final byte[] HEX_DIGITS = "0123456789abcdef".getBytes(UTF_8);

    private byte[] hexBuffer = new byte[2048];

    String hashOf(CatalogueEvent event, byte[] value) {
        int hashAt = WireFormat.HEADER_SIZE + stringSize(event.getEventId()) + stringSize(event.getFkbCode())
                + varLongSize(event.getSequence()) + stringSize(event.getPreviousHash());
        int hashEnd = hashAt + stringSize(event.getHash());
        if (hashEnd <= value.length) {
            sha256.update(event.getPreviousHash().getBytes(UTF_8));
            sha256.update(value, WireFormat.HEADER_SIZE, hashAt - WireFormat.HEADER_SIZE);
            sha256.update((byte) 0);
            sha256.update(value, hashEnd, value.length - hashEnd);
            var fromBytes = HEX.formatHex(sha256.digest());
            if (fromBytes.equals(event.getHash())) {
                return fromBytes;
            }
        }
        return EventChain.hashOf(event);
    }

    String eventIdOf(CatalogueEvent event, byte[] value) {
        var source = event.getSource();
        int payloadAt = WireFormat.HEADER_SIZE + stringSize(event.getEventId()) + stringSize(event.getFkbCode())
                + varLongSize(event.getSequence()) + stringSize(event.getPreviousHash()) + stringSize(event.getHash())
                + varLongSize(event.getRecordedAt().toEpochMilli()) + varLongSize(event.getEffectiveDate().toEpochDay())
                + optionalStringSize(source.getDocumentSha256()) + optionalStringSize(source.getDocumentName())
                + stringSize(source.getIngestionId());
        if (payloadAt < value.length) {
            // the union's branch index, one byte for any of its eight types, then the payload record
            int bodyAt = payloadAt + 1;
            md5.update((event.getFkbCode() + '\n' + event.getSequence() + '\n'
                    + ((SpecificRecordBase) event.getPayload()).getSchema().getName() + '\n').getBytes(UTF_8));
            md5.update(hex(value, bodyAt), 0, 2 * (value.length - bodyAt));
            md5.update(('\n' + event.getEffectiveDate().toString() + '\n'
                    + Objects.toString(source.getDocumentSha256(), "")).getBytes(UTF_8));
            var fromBytes = nameUuid(md5.digest());
            if (fromBytes.equals(event.getEventId())) {
                return fromBytes;
            }
        }
        return EventChain.eventIdOf(event);
    }

    /** Lowercase hex of the bytes from {@code from} on, as ASCII, in a buffer reused from call to call. */
    private byte[] hex(byte[] value, int from) {
        int length = 2 * (value.length - from);
        if (hexBuffer.length < length) {
            hexBuffer = new byte[Math.max(length, 2 * hexBuffer.length)];
        }
        for (int i = from, j = 0; i < value.length; i++) {
            hexBuffer[j++] = HEX_DIGITS[(value[i] >> 4) & 0xf];
            hexBuffer[j++] = HEX_DIGITS[value[i] & 0xf];
        }
        return hexBuffer;
    }

    // UUID.nameUUIDFromBytes from an MD5 digest already taken
    private static String nameUuid(byte[] hash) {
        hash[6] &= 0x0f;
        hash[6] |= 0x30;
        hash[8] &= 0x3f;
        hash[8] |= (byte) 0x80;
        long msb = 0;
        long lsb = 0;
        for (int i = 0; i < 8; i++) {
            msb = (msb << 8) | (hash[i] & 0xff);
        }
        for (int i = 8; i < 16; i++) {
            lsb = (lsb << 8) | (hash[i] & 0xff);
        }
        return new UUID(msb, lsb).toString();
    }

    private static int optionalStringSize(String text) {
        return 1 + (text == null ? 0 : stringSize(text));
    }

    private static int stringSize(String text) {
        int bytes = utf8Length(text);
        return varLongSize(bytes) + bytes;
    }

    private static int varLongSize(long value) {
        long zigzag = (value << 1) ^ (value >> 63);
        int size = 1;
        while ((zigzag & ~0x7FL) != 0) {
            zigzag >>>= 7;
            size++;
        }
        return size;
    }

    private static int utf8Length(String text) {
        int length = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c < 0x80) {
                length++;
            }
            else if (c < 0x800) {
                length += 2;
            }
            else if (Character.isHighSurrogate(c)) {
                length += 4;
                i++;
            }
            else {
                length += 3;
            }
        }
        return length;
    }

    private static MessageDigest digest(String algorithm) {
        try {
            return MessageDigest.getInstance(algorithm);
        }
        catch (NoSuchAlgorithmException ex) {
            throw new IllegalStateException("every Java runtime provides " + algorithm, ex);
        }
    }
}
