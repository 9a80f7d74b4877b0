package dk.amu.catalogue.projections.consuming;

import java.math.BigDecimal;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;

import org.postgresql.copy.CopyIn;
import org.postgresql.copy.CopyManager;

/**
 * Rows in PostgreSQL's binary COPY format: per row the number of fields, per field its length (-1
 * for null) and its value as the type's receive function reads it. Nothing is parsed on the
 * server: no escapes, no date or timestamp text, which is most of what a text-format COPY costs it.
 * Each value must be written with the method of its column's exact type ({@code bigint} with
 * {@link #bigint}, {@code int} with {@link #integer}); PostgreSQL refuses the row otherwise.
 * The bytes themselves go through {@link BigEndianBytes}.
 */
final class CopyRows {

    private static final byte[] SIGNATURE = {'P', 'G', 'C', 'O', 'P', 'Y', '\n', (byte) 0xff, '\r', '\n', 0};

    /** PostgreSQL's epoch, 2000-01-01, in days and seconds since 1970-01-01. */
    private static final long PG_EPOCH_DAY = LocalDate.of(2000, 1, 1).toEpochDay();

    private static final long PG_EPOCH_SECOND = PG_EPOCH_DAY * 86_400;

    private static final int TEXT_OID = 25;

    private static final short NUMERIC_NEGATIVE = 0x4000;

    private final BigEndianBytes out = new BigEndianBytes();

    private int rows;

    private int rowStart = -1;

    private short fields;

    CopyRows() {
        start();
    }

    CopyRows text(String value) {
        field();
        if (value == null) {
            out.putInt(-1);
        }
        else {
            out.utf8(value);
        }
        return this;
    }

    CopyRows bigint(long value) {
        field();
        out.putInt(8);
        out.putLong(value);
        return this;
    }

    CopyRows integer(int value) {
        field();
        out.putInt(4);
        out.putInt(value);
        return this;
    }

    /**
     * A {@code numeric}: base-10000 digits around the decimal point, as PostgreSQL keeps them, with
     * the value's own scale as its display scale.
     */
    CopyRows decimal(BigDecimal value) {
        field();
        if (value == null) {
            out.putInt(-1);
            return this;
        }
        var plain = value.abs().toPlainString();
        int point = plain.indexOf('.');
        var whole = point < 0 ? plain : plain.substring(0, point);
        var fraction = point < 0 ? "" : plain.substring(point + 1);
        // whole digits padded on the left and fraction digits on the right to groups of four
        var padded = "0".repeat((4 - whole.length() % 4) % 4) + whole + fraction + "0".repeat((4 - fraction.length() % 4) % 4);
        var groups = new short[padded.length() / 4];
        for (int g = 0; g < groups.length; g++) {
            groups[g] = (short) Integer.parseInt(padded, 4 * g, 4 * g + 4, 10);
        }
        int weight = (whole.length() + 3) / 4 - 1;
        int first = 0;
        int last = groups.length;
        while (first < last && groups[first] == 0) {
            first++;
            weight--;
        }
        while (last > first && groups[last - 1] == 0) {
            last--;
        }
        if (first == last) {
            weight = 0;
        }
        int digits = last - first;
        out.putInt(8 + 2 * digits);
        out.putShort((short) digits);
        out.putShort((short) weight);
        out.putShort(value.signum() < 0 ? NUMERIC_NEGATIVE : 0);
        out.putShort((short) Math.max(0, value.scale()));
        for (int g = first; g < last; g++) {
            out.putShort(groups[g]);
        }
        return this;
    }

    /** A {@code date}: days since 2000-01-01. */
    CopyRows date(LocalDate value) {
        field();
        if (value == null) {
            out.putInt(-1);
        }
        else {
            out.putInt(4);
            out.putInt(Math.toIntExact(value.toEpochDay() - PG_EPOCH_DAY));
        }
        return this;
    }

    /**
     * A {@code timestamptz}: microseconds since 2000-01-01 UTC, rounded half up from nanoseconds
     * (events carry milliseconds, so nothing is ever rounded in practice).
     */
    CopyRows instant(Instant value) {
        field();
        if (value == null) {
            out.putInt(-1);
        }
        else {
            out.putInt(8);
            out.putLong(Math.addExact(Math.multiplyExact(value.getEpochSecond() - PG_EPOCH_SECOND, 1_000_000L),
                    (value.getNano() + 500) / 1000));
        }
        return this;
    }

    /** A one-dimensional {@code text[]}, lower bound 1; empty is an array without dimensions. */
    CopyRows texts(Collection<String> values) {
        field();
        int lengthAt = out.size();
        out.putInt(0);
        out.putInt(values.isEmpty() ? 0 : 1);
        int nulls = 0;
        for (var value : values) {
            nulls += value == null ? 1 : 0;
        }
        out.putInt(nulls > 0 ? 1 : 0);
        out.putInt(TEXT_OID);
        if (!values.isEmpty()) {
            out.putInt(values.size());
            out.putInt(1);
            for (var value : values) {
                if (value == null) {
                    out.putInt(-1);
                }
                else {
                    out.utf8(value);
                }
            }
        }
        out.putInt(lengthAt, out.size() - lengthAt - 4);
        return this;
    }

    void endRow() {
        out.putShort(rowStart, fields);
        rowStart = -1;
        rows++;
    }

    int rows() {
        return rows;
    }

    /** Sends the rows with one COPY and starts over empty; returns how many rows were sent. */
    long copyInto(CopyManager copies, String table, String columns) throws SQLException {
        return copyInto(copies, table, columns, false);
    }

    /**
     * As {@link #copyInto(CopyManager, String, String)}; {@code frozen} writes the rows frozen, which
     * PostgreSQL allows only into a table created or truncated in the same transaction.
     */
    long copyInto(CopyManager copies, String table, String columns, boolean frozen) throws SQLException {
        if (rows == 0) {
            return 0;
        }
        try {
            out.putShort((short) -1);
            CopyIn copy = copies.copyIn("copy " + table + " (" + columns + ") from stdin with (format binary"
                    + (frozen ? ", freeze" : "") + ")");
            try {
                out.writeTo(copy);
                return copy.endCopy();
            }
            finally {
                if (copy.isActive()) {
                    copy.cancelCopy();
                }
            }
        }
        finally {
            start();
        }
    }

    private void start() {
        out.clear();
        rows = 0;
        rowStart = -1;
        out.put(SIGNATURE);
        out.putInt(0);
        out.putInt(0);
    }

    /** Opens the row on its first field, with room for its field count. */
    private void field() {
        if (rowStart < 0) {
            rowStart = out.size();
            fields = 0;
            out.putShort((short) 0);
        }
        fields++;
    }
}
