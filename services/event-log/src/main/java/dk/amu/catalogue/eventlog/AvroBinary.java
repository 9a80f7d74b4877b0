package dk.amu.catalogue.eventlog;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;

import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.EncoderFactory;
import org.apache.avro.specific.SpecificDatumWriter;
import org.apache.avro.specific.SpecificRecordBase;

/** Plain Avro binary (no wire-format header), the canonical form that hashes and ids are taken over. */
public final class AvroBinary {

    private AvroBinary() {
    }

    public static byte[] encode(SpecificRecordBase record) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        // The direct encoder does not buffer, so the bytes are complete without relying on a flush.
        BinaryEncoder encoder = EncoderFactory.get().directBinaryEncoder(bytes, null);
        try {
            // The record's own model carries its logical-type conversions and needs no class lookup by
            // name, which Avro refuses for classes outside its trusted packages.
            new SpecificDatumWriter<SpecificRecordBase>(record.getSchema(), record.getSpecificData())
                    .write(record, encoder);
            encoder.flush();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot encode " + record.getSchema().getName(), e);
        }
        return bytes.toByteArray();
    }
}
