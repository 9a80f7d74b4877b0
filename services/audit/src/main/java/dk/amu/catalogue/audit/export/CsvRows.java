package dk.amu.catalogue.audit.export;

import java.io.IOException;
import java.io.Writer;
import java.util.ArrayList;

import tools.jackson.core.JacksonException;
import tools.jackson.core.StreamWriteFeature;
import tools.jackson.databind.SequenceWriter;
import tools.jackson.dataformat.csv.CsvMapper;
import tools.jackson.dataformat.csv.CsvSchema;
import tools.jackson.dataformat.csv.CsvWriteFeature;

/**
 * The export's CSV, written by Jackson's CSV module: one column per {@link ExportRow} component, in
 * their order, the column names first. RFC 4180: CRLF line ends, a field quoted only when it holds
 * a comma, a quote or a line break (Jackson's strict check; without it every field over 24
 * characters is quoted), a quote doubled. A byte order mark first, so that a spreadsheet reads the
 * UTF-8 and shows Danish letters. Lists are one field, their items joined by "; ".
 */
final class CsvRows {

    static final char BYTE_ORDER_MARK = '\uFEFF';

    private static final CsvMapper MAPPER = CsvMapper.builder()
            .enable(CsvWriteFeature.STRICT_CHECK_FOR_QUOTING)
            .enable(StreamWriteFeature.WRITE_BIGDECIMAL_AS_PLAIN)
            // the target is the caller's: the HTTP response or the file, closed by whoever opened it
            .disable(StreamWriteFeature.AUTO_CLOSE_TARGET)
            .build();

    private static final CsvSchema SCHEMA = MAPPER.schemaFor(ExportRow.class)
            .withLineSeparator("\r\n")
            .withArrayElementSeparator("; ")
            .withNullValue("");

    private final Writer out;

    private SequenceWriter rows;

    CsvRows(Writer out) {
        this.out = out;
    }

    /**
     * The byte order mark and the column names, as a row of their own: the module writes its header only
     * with the first row, and an export without rows still has its columns.
     */
    void header() throws IOException {
        out.write(BYTE_ORDER_MARK);
        var names = new ArrayList<String>();
        SCHEMA.forEach(column -> names.add(column.getName()));
        try {
            MAPPER.writer(CsvSchema.emptySchema().withLineSeparator("\r\n")).writeValue(out, names);
        }
        catch (JacksonException ex) {
            throw unwrapped(ex);
        }
    }

    void row(ExportRow row) throws IOException {
        try {
            if (rows == null) {
                rows = MAPPER.writer(SCHEMA.withoutHeader()).writeValues(out);
            }
            rows.write(row);
        }
        catch (JacksonException ex) {
            throw unwrapped(ex);
        }
    }

    /** Hands what the module still buffers to the writer. */
    void finish() throws IOException {
        try {
            if (rows != null) {
                rows.flush();
            }
        }
        catch (JacksonException ex) {
            throw unwrapped(ex);
        }
    }

    /** A failed write is an IOException to the replay, which stops on it (the client went away); the rest are bugs. */
    private static IOException unwrapped(JacksonException ex) {
        if (ex.getCause() instanceof IOException io) {
            return io;
        }
        throw ex;
    }
}
