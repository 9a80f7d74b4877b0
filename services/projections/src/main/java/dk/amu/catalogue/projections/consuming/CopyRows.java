package dk.amu.catalogue.projections.consuming;

import java.io.IOException;
import java.io.StringReader;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.Collection;

import org.postgresql.copy.CopyManager;

/**
 * Rows in PostgreSQL's COPY text format: columns separated by tabs, {@code \N} for null, and
 * backslash, tab, newline and carriage return escaped. Values are written as PostgreSQL reads
 * them back: ISO dates, instants with their offset, text arrays as array literals.
 */
final class CopyRows {

    private final StringBuilder text = new StringBuilder(1 << 16);

    private int rows;

    private boolean rowStarted;

    CopyRows text(String value) {
        separate();
        if (value == null) {
            text.append("\\N");
        }
        else {
            escape(value);
        }
        return this;
    }

    CopyRows value(Object value) {
        return text(value == null ? null : value.toString());
    }

    CopyRows number(long value) {
        separate();
        text.append(value);
        return this;
    }

    /** A date as {@code yyyy-mm-dd}, without a formatter: a rebuild writes millions of them. */
    CopyRows date(LocalDate value) {
        separate();
        if (value == null) {
            text.append("\\N");
        }
        else {
            appendDate(value.getYear(), value.getMonthValue(), value.getDayOfMonth());
        }
        return this;
    }

    /** An instant in UTC to the microsecond, {@code timestamptz}'s precision, with its offset. */
    CopyRows instant(Instant value) {
        separate();
        if (value == null) {
            text.append("\\N");
            return this;
        }
        var utc = LocalDateTime.ofEpochSecond(value.getEpochSecond(), value.getNano(), ZoneOffset.UTC);
        if (utc.getYear() < 1 || utc.getYear() > 9999 || value.getNano() % 1000 != 0) {
            // outside the plain four-digit years, or finer than PostgreSQL keeps: let it round as it does
            escape(value.toString());
            return this;
        }
        appendDate(utc.getYear(), utc.getMonthValue(), utc.getDayOfMonth());
        text.append(' ');
        two(utc.getHour()).append(':');
        two(utc.getMinute()).append(':');
        two(utc.getSecond());
        var micros = value.getNano() / 1000;
        if (micros != 0) {
            text.append('.');
            for (int unit = 100_000; unit > 0; unit /= 10) {
                text.append((char) ('0' + micros / unit % 10));
            }
        }
        text.append("+00");
        return this;
    }

    private void appendDate(int year, int month, int day) {
        text.append((char) ('0' + year / 1000)).append((char) ('0' + year / 100 % 10))
                .append((char) ('0' + year / 10 % 10)).append((char) ('0' + year % 10)).append('-');
        two(month).append('-');
        two(day);
    }

    private StringBuilder two(int value) {
        return text.append((char) ('0' + value / 10)).append((char) ('0' + value % 10));
    }

    /** A {@code text[]} literal: every element quoted, so commas, braces and spaces stay in their element. */
    CopyRows texts(Collection<String> values) {
        var literal = new StringBuilder(2 + values.size() * 16).append('{');
        var first = true;
        for (var value : values) {
            if (!first) {
                literal.append(',');
            }
            first = false;
            if (value == null) {
                literal.append("NULL");
                continue;
            }
            literal.append('"');
            for (int i = 0; i < value.length(); i++) {
                var c = value.charAt(i);
                if (c == '"' || c == '\\') {
                    literal.append('\\');
                }
                literal.append(c);
            }
            literal.append('"');
        }
        return text(literal.append('}').toString());
    }

    void endRow() {
        text.append('\n');
        rowStarted = false;
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
            return copies.copyIn("copy " + table + " (" + columns + ") from stdin" + (frozen ? " with (freeze)" : ""),
                    new StringReader(text.toString()));
        }
        catch (IOException ex) {
            throw new SQLException("could not send rows to " + table, ex);
        }
        finally {
            text.setLength(0);
            rows = 0;
        }
    }

    private void separate() {
        if (rowStarted) {
            text.append('\t');
        }
        rowStarted = true;
    }

    /** Copies runs without special characters whole: most titles have none. */
    private void escape(String value) {
        int run = 0;
        for (int i = 0; i < value.length(); i++) {
            var c = value.charAt(i);
            String escaped = switch (c) {
                case '\\' -> "\\\\";
                case '\t' -> "\\t";
                case '\n' -> "\\n";
                case '\r' -> "\\r";
                default -> null;
            };
            if (escaped != null) {
                text.append(value, run, i).append(escaped);
                run = i + 1;
            }
        }
        text.append(value, run, value.length());
    }
}
