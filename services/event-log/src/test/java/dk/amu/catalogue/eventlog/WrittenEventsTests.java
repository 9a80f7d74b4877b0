package dk.amu.catalogue.eventlog;

import static org.assertj.core.api.Assertions.assertThat;

import org.apache.avro.Schema;
import org.apache.avro.SchemaBuilder;
import org.junit.jupiter.api.Test;

import dk.amu.catalogue.events.v1.CatalogueEvent;

class WrittenEventsTests {

    private final CatalogueEvent event = SampleEvents.history().get(2);

    @Test
    void shouldRecomputeTheCarriedHashAndIdFromTheWrittenBytesAlone() {
        byte[] bytes = AvroBinary.encode(event);

        var written = WrittenEvents.decode(bytes, 0, bytes.length, CatalogueEvent.getClassSchema());

        assertThat(WrittenEvents.hashOf(written)).isEqualTo(event.getHash()).isEqualTo(EventChain.hashOf(event));
        assertThat(WrittenEvents.eventIdOf(written)).isEqualTo(event.getEventId());
    }

    @Test
    void shouldNoticeAnAlteredByteInThePayload() {
        byte[] bytes = AvroBinary.encode(event);
        // the last bytes belong to the payload's strings and dates
        bytes[bytes.length - 3] ^= 0x01;

        var written = WrittenEvents.decode(bytes, 0, bytes.length, CatalogueEvent.getClassSchema());

        assertThat(WrittenEvents.hashOf(written)).isNotEqualTo(event.getHash());
    }

    @Test
    void shouldHashUnderTheWriterSchemaNotTheReaders() {
        // A later schema with an extra optional field must not change the hash of what an older one wrote.
        Schema widened = widen(CatalogueEvent.getClassSchema());
        byte[] bytes = AvroBinary.encode(event);

        var written = WrittenEvents.decode(bytes, 0, bytes.length, CatalogueEvent.getClassSchema());

        assertThat(widened.getField("note")).isNotNull();
        assertThat(WrittenEvents.hashOf(written)).isEqualTo(event.getHash());
    }

    private static Schema widen(Schema schema) {
        var fields = SchemaBuilder.record(schema.getName()).namespace(schema.getNamespace()).fields();
        schema.getFields().forEach(f -> fields.name(f.name()).type(f.schema()).noDefault());
        return fields.name("note").type().optional().stringType().endRecord();
    }
}
