package dk.amu.catalogue.eventlog;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

import org.apache.avro.specific.SpecificRecordBase;

import dk.amu.catalogue.events.v1.CatalogueEvent;
import dk.amu.catalogue.events.v1.EventSource;

/**
 * The per-FKB hash chain and the content-derived event ids.
 *
 * <p>{@code hash} = lowercase hex SHA-256 over the UTF-8 bytes of {@code previousHash} followed by
 * the Avro binary encoding (schema {@link CatalogueEvent#getClassSchema()}) of the event with
 * {@code hash} set to "". {@code eventId} = {@link UUID#nameUUIDFromBytes} over the UTF-8 bytes of
 * fkbCode, sequence, payload record name, lowercase hex of the payload's Avro binary encoding,
 * effectiveDate (ISO) and documentSha256 ("" when null), joined by '\n'. Record time and ingestion
 * id stay out of the id so that re-running an ingestion reproduces the same ids.
 *
 * <p>The encoding is always the one of the schema an event was <em>written</em> with (its schema id
 * in the Kafka record). A verifier reads the event with that writer schema, sets {@code hash} to ""
 * and encodes it again with the same schema, so history keeps verifying after the schema evolves;
 * {@link #verify} does so for events of the current schema, {@link WrittenEvents} for any.
 */
public final class EventChain {

    /** The previousHash of sequence 1. */
    public static final String GENESIS_HASH = "0".repeat(64);

    private static final HexFormat HEX = HexFormat.of();

    private EventChain() {
    }

    /** Seals drafts into events that continue the chain after the given head. */
    public static List<CatalogueEvent> append(String fkbCode, long headSequence, String headHash,
            List<EventDraft> drafts, EventSource source, Instant recordedAt) {
        List<CatalogueEvent> events = new ArrayList<>(drafts.size());
        long sequence = headSequence;
        String previousHash = headHash;
        for (EventDraft draft : drafts) {
            CatalogueEvent event = seal(fkbCode, ++sequence, previousHash, draft, source, recordedAt);
            events.add(event);
            previousHash = event.getHash();
        }
        return events;
    }

    private static CatalogueEvent seal(String fkbCode, long sequence, String previousHash, EventDraft draft,
            EventSource source, Instant recordedAt) {
        CatalogueEvent event = CatalogueEvent.newBuilder()
                .setEventId("")
                .setFkbCode(fkbCode)
                .setSequence(sequence)
                .setPreviousHash(previousHash)
                .setHash("")
                .setRecordedAt(recordedAt)
                .setEffectiveDate(draft.effectiveDate())
                .setSource(source)
                .setPayload(draft.payload())
                .build();
        event.setEventId(eventIdOf(event));
        event.setHash(hashOf(event));
        return event;
    }

    /** Recomputes the hash an event should carry, from its previousHash and content. */
    public static String hashOf(CatalogueEvent event) {
        // A shallow copy: the builder's deep copy looks classes up by name, which Avro forbids by default.
        CatalogueEvent unhashed = new CatalogueEvent(event.getEventId(), event.getFkbCode(), event.getSequence(),
                event.getPreviousHash(), "", event.getRecordedAt(), event.getEffectiveDate(), event.getSource(),
                event.getPayload());
        MessageDigest sha256 = sha256();
        sha256.update(event.getPreviousHash().getBytes(UTF_8));
        sha256.update(AvroBinary.encode(unhashed));
        return HEX.formatHex(sha256.digest());
    }

    /** Recomputes the content-derived id an event should carry. */
    public static String eventIdOf(CatalogueEvent event) {
        SpecificRecordBase payload = (SpecificRecordBase) event.getPayload();
        String canonical = String.join("\n",
                event.getFkbCode(),
                Long.toString(event.getSequence()),
                payload.getSchema().getName(),
                HEX.formatHex(AvroBinary.encode(payload)),
                event.getEffectiveDate().toString(),
                Objects.toString(event.getSource().getDocumentSha256(), ""));
        return UUID.nameUUIDFromBytes(canonical.getBytes(UTF_8)).toString();
    }

    /**
     * True when the events are the complete history of one FKB from its start: sequences 1, 2, ...
     * without gaps, each previousHash the hash before it (64 zeros first), and every hash and id
     * recomputing from the content.
     */
    public static boolean verify(List<CatalogueEvent> eventsOfOneFkbInOrder) {
        String previousHash = GENESIS_HASH;
        long expectedSequence = 1;
        String fkbCode = eventsOfOneFkbInOrder.isEmpty() ? null : eventsOfOneFkbInOrder.get(0).getFkbCode();
        for (CatalogueEvent event : eventsOfOneFkbInOrder) {
            if (!links(event, fkbCode, expectedSequence, previousHash)) {
                return false;
            }
            previousHash = event.getHash();
            expectedSequence++;
        }
        return true;
    }

    private static boolean links(CatalogueEvent event, String fkbCode, long sequence, String previousHash) {
        return event.getFkbCode().equals(fkbCode)
                && event.getSequence() == sequence
                && event.getPreviousHash().equals(previousHash)
                && event.getHash().equals(hashOf(event))
                && event.getEventId().equals(eventIdOf(event));
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime provides SHA-256", e);
        }
    }
}
