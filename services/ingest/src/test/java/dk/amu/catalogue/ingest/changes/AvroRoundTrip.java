package dk.amu.catalogue.ingest.changes;

import java.io.IOException;
import java.io.UncheckedIOException;

import org.apache.avro.Conversions;
import org.apache.avro.Schema;
import org.apache.avro.data.TimeConversions;
import org.apache.avro.io.DecoderFactory;
import org.apache.avro.specific.SpecificData;
import org.apache.avro.specific.SpecificDatumReader;

import dk.amu.catalogue.events.v1.CatalogueEvent;

/**
 * Reads an event back from the Avro binary a consumer would receive. Avro 1.12 refuses to look up
 * generated classes outside its trusted packages by name; this reader resolves the project's records
 * itself instead of widening that trust for the whole test JVM.
 */
final class AvroRoundTrip {

    private AvroRoundTrip() {
    }

    static CatalogueEvent decode(byte[] avroBinary) {
        SpecificDatumReader<CatalogueEvent> reader = new SpecificDatumReader<>(CatalogueEvent.getClassSchema(),
                CatalogueEvent.getClassSchema(), new ProjectRecords());
        try {
            return reader.read(null, DecoderFactory.get().binaryDecoder(avroBinary, null));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static final class ProjectRecords extends SpecificData {

        ProjectRecords() {
            addLogicalTypeConversion(new TimeConversions.DateConversion());
            addLogicalTypeConversion(new TimeConversions.TimestampMillisConversion());
            addLogicalTypeConversion(new Conversions.DecimalConversion());
        }

        @Override
        public Class getClass(Schema schema) {
            if (schema.getType() == Schema.Type.RECORD && schema.getFullName().startsWith("dk.amu.catalogue.")) {
                try {
                    return Class.forName(schema.getFullName());
                } catch (ClassNotFoundException e) {
                    throw new IllegalStateException(e);
                }
            }
            return super.getClass(schema);
        }
    }
}
