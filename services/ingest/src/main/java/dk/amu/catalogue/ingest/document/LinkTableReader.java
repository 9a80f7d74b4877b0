package dk.amu.catalogue.ingest.document;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.regex.Pattern;
import java.util.stream.IntStream;

/**
 * Finds the table "Aktuelt tilkoblede mål" and cuts it into rows. A row's text runs from a line
 * that starts with a course number to the next such line or the end of the table, so a row wrapped
 * over several lines is read as one ({@link WrappedRow}); the column header and page numbers that a
 * PDF repeats on every page are skipped.
 */
final class LinkTableReader {

    static final Pattern HEADING = Pattern.compile("aktuelt tilkoblede mål:?",
            Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
    // the header as extracted from an office suite's table comes in pieces: "Varighed i" / "dage"
    private static final Pattern COLUMN_HEADER = Pattern.compile(
            "(?:(?:aktuelt tilkoblede mål:?|niveau kan angives ved enkeltfag\\.?|nummer, niveau og titel|euu"
                    + "|varighed(?: i)?|(?:i )?dage|tilknyttet(?: i)?|(?:i )?perioden) ?)+",
            Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
    static final Pattern PAGE_NUMBER = Pattern.compile(
            "(?:(?:side|page) )?\\d{1,3}(?: ?(?:af|of|/) ?\\d{1,3})?", Pattern.CASE_INSENSITIVE);
    private static final Pattern ROW_START = Pattern.compile("\\d{5}(?: .*)?");

    private LinkTableReader() {
    }

    /** The line number of the table heading, if the document has one. */
    static OptionalInt heading(DocumentLines text) {
        return IntStream.rangeClosed(1, text.count())
                .filter(n -> HEADING.matcher(text.line(n)).matches())
                .findFirst();
    }

    static List<LinkRow> read(DocumentLines text) {
        int heading = heading(text).orElseThrow(() -> new DocumentRejectedException(
                "the document has no table 'Aktuelt tilkoblede mål'; is it an FKB document?"));
        List<LinkRow> rows = new ArrayList<>();
        List<WrappedRow.Line> row = new ArrayList<>();
        for (int n = heading + 1; n <= text.count(); n++) {
            String line = text.line(n);
            if (line.isEmpty() || COLUMN_HEADER.matcher(line).matches() || PAGE_NUMBER.matcher(line).matches()) {
                continue;
            }
            if (ROW_START.matcher(line).matches()) {
                if (!row.isEmpty()) {
                    rows.add(WrappedRow.read(row));
                }
                row = new ArrayList<>();
            } else if (row.isEmpty()) {
                throw LinkRowReader.notARow(line, n);
            }
            row.add(new WrappedRow.Line(n, line));
        }
        if (!row.isEmpty()) {
            rows.add(WrappedRow.read(row));
        }
        if (rows.isEmpty()) {
            throw new DocumentRejectedException("the table 'Aktuelt tilkoblede mål' has no rows", heading);
        }
        return withoutRepeats(rows, false);
    }

    /**
     * A page printed twice repeats its rows word for word; those collapse into one. The same course
     * with other data means the document contradicts itself, and we cannot pick a winner.
     *
     * @param byPage the rows' {@link LinkRow#firstLine()} holds a page, not a line
     */
    static List<LinkRow> withoutRepeats(List<LinkRow> rows, boolean byPage) {
        Map<String, LinkRow> byNumber = new LinkedHashMap<>();
        for (LinkRow row : rows) {
            LinkRow first = byNumber.putIfAbsent(row.courseNumber(), row);
            if (first != null && !first.differencesFrom(row).isEmpty()) {
                String reason = "course " + row.courseNumber() + " appears twice with different "
                        + String.join(", ", first.differencesFrom(row)) + " (first at " + (byPage ? "page " : "line ")
                        + first.firstLine() + ")";
                throw byPage ? DocumentRejectedException.onPage(reason, row.firstLine())
                        : new DocumentRejectedException(reason, row.firstLine());
            }
        }
        return List.copyOf(byNumber.values());
    }
}
