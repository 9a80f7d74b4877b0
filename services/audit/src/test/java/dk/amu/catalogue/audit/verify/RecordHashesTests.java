package dk.amu.catalogue.audit.verify;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import dk.amu.catalogue.eventlog.EventChain;
import dk.amu.catalogue.eventlog.EventDraft;
import dk.amu.catalogue.events.v1.CatalogueEvent;
import dk.amu.catalogue.events.v1.CourseLinkEndScheduled;
import dk.amu.catalogue.events.v1.CourseLinked;
import dk.amu.catalogue.events.v1.EventSource;
import dk.amu.catalogue.events.v1.FkbRevised;
import dk.amu.catalogue.events.v1.SuccessorHint;
import dk.amu.catalogue.serde.WireFormat;
import dk.amu.catalogue.snapshots.v1.CourseLink;
import org.apache.avro.io.EncoderFactory;
import org.apache.avro.specific.SpecificDatumWriter;
import org.junit.jupiter.api.Test;

/** The hash and id from a record's bytes are the chain's, also where the bytes are not what the rule encodes. */
class RecordHashesTests {

    final RecordHashes hashes = new RecordHashes();

    final List<CatalogueEvent> events = EventChain.append("økonomi-fkb", 0, EventChain.GENESIS_HASH, List.of(
            new EventDraft(new FkbRevised("Økonomi og sagsbehandling på højt niveau", null, List.of("Læsning"), List.of()),
                    LocalDate.of(2025, 5, 1)),
            new EventDraft(new CourseLinked(new CourseLink("47299", "Skriftlig kommunikation - sprog og sprogbrug", "AD",
                    new BigDecimal("2.0"), LocalDate.of(2024, 12, 19), null)), LocalDate.of(2024, 12, 19)),
            new EventDraft(new CourseLinkEndScheduled("47299", "Skriftlig kommunikation - sprog og sprogbrug",
                    LocalDate.of(2025, 6, 30), null, new SuccessorHint("22487", "Skriftlig kommunikation", 1.0)),
                    LocalDate.of(2025, 5, 1))),
            new EventSource("a".repeat(64), "fixture æøå.txt", "ingestion-1"), Instant.parse("2025-05-01T10:00:00.123Z"));

    @Test
    void shouldGiveTheChainsHashAndIdFromTheRecordsBytes() {
        for (var event : events) {
            var value = framed(event);

            assertThat(hashes.hashOf(event, value)).isEqualTo(event.getHash()).isEqualTo(EventChain.hashOf(event));
            assertThat(hashes.eventIdOf(event, value)).isEqualTo(event.getEventId()).isEqualTo(EventChain.eventIdOf(event));
        }
    }

    @Test
    void shouldRecomputeFromTheContentWhenTheBytesAreNotTheCanonicalEncoding() {
        var event = events.get(1);
        var value = framed(event);
        var padded = new byte[value.length + 3];
        System.arraycopy(value, 0, padded, 0, value.length);

        assertThat(hashes.hashOf(event, padded)).isEqualTo(event.getHash());
        assertThat(hashes.eventIdOf(event, padded)).isEqualTo(event.getEventId());
    }

    @Test
    void shouldGiveADifferentHashForAnAlteredEvent() {
        var event = events.get(1);
        var value = framed(event);
        event.setHash("f".repeat(64));

        assertThat(hashes.hashOf(event, value)).isEqualTo(EventChain.hashOf(event)).isNotEqualTo("f".repeat(64));
    }

    private static byte[] framed(CatalogueEvent event) {
        try {
            var out = new ByteArrayOutputStream();
            out.write(WireFormat.header(1));
            var encoder = EncoderFactory.get().directBinaryEncoder(out, null);
            new SpecificDatumWriter<CatalogueEvent>(CatalogueEvent.getClassSchema(), event.getSpecificData()).write(event, encoder);
            return out.toByteArray();
        }
        catch (java.io.IOException ex) {
            throw new IllegalStateException(ex);
        }
    }
}
