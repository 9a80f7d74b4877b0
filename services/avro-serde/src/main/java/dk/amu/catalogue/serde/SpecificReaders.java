package dk.amu.catalogue.serde;

import org.apache.avro.Schema;
import org.apache.avro.specific.SpecificDatumReader;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.errors.SerializationException;

/** Chooses the reader schema for a writer schema, the way Confluent's specific reader does. */
final class SpecificReaders {

    private SpecificReaders() {
    }

    /**
     * A reader from the writer schema into the configured target class or, without one, into the
     * generated class whose full name the writer schema carries.
     */
    static <T extends SpecificRecord> SpecificDatumReader<T> forWriter(Schema writer, Class<?> target, String topic,
            int id) {
        var type = target != null ? target : GeneratedClassModel.generatedClassNamed(writer);
        if (type == null) {
            throw new SerializationException("record on topic '" + topic + "' was written with schema id " + id + " ("
                    + writer.getFullName() + "), and no Avro-generated class of that name is on the class path; add it"
                    + " or set " + AvroSerdeConfig.SPECIFIC_AVRO_VALUE_TYPE);
        }
        var model = GeneratedClassModel.forClass(type);
        var reader = model.readerSchema();
        // an equal writer schema is swapped for the reader's own instance, so Avro resolves it as identity
        var effectiveWriter = writer.equals(reader) ? reader : writer;
        return new SpecificDatumReader<>(effectiveWriter, reader, model);
    }
}
