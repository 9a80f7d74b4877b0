package dk.amu.catalogue.audit.export;

import java.io.IOException;
import java.io.Writer;
import java.lang.reflect.RecordComponent;
import java.math.BigDecimal;
import java.util.List;

/** CSV per RFC 4180: CRLF line ends, a field quoted when it holds a comma, a quote or a line break. */
final class CsvRows {

    static final char BYTE_ORDER_MARK = '\uFEFF';

    private static final RecordComponent[] COLUMNS = ExportRow.class.getRecordComponents();

    private final Writer out;

    CsvRows(Writer out) {
        this.out = out;
    }

    void header() throws IOException {
        out.write(BYTE_ORDER_MARK);
        for (int i = 0; i < COLUMNS.length; i++) {
            if (i > 0) {
                out.write(',');
            }
            out.write(COLUMNS[i].getName());
        }
        out.write("\r\n");
    }

    void row(ExportRow row) throws IOException {
        for (int i = 0; i < COLUMNS.length; i++) {
            if (i > 0) {
                out.write(',');
            }
            field(text(value(row, COLUMNS[i])));
        }
        out.write("\r\n");
    }

    private void field(String text) throws IOException {
        if (text.indexOf(',') < 0 && text.indexOf('"') < 0 && text.indexOf('\n') < 0 && text.indexOf('\r') < 0) {
            out.write(text);
            return;
        }
        out.write('"');
        out.write(text.replace("\"", "\"\""));
        out.write('"');
    }

    private static String text(Object value) {
        if (value == null) {
            return "";
        }
        if (value instanceof BigDecimal decimal) {
            return decimal.toPlainString();
        }
        if (value instanceof List<?> list) {
            return String.join("; ", list.stream().map(String::valueOf).toList());
        }
        // Instant and LocalDate print as ISO 8601
        return value.toString();
    }

    private static Object value(ExportRow row, RecordComponent column) {
        try {
            return column.getAccessor().invoke(row);
        }
        catch (ReflectiveOperationException ex) {
            throw new IllegalStateException("cannot read column " + column.getName(), ex);
        }
    }
}
