package dk.amu.catalogue.ingest.document;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.regex.Pattern;
import java.util.stream.IntStream;

/**
 * Finds the table "Aktuelt tilkoblede mål" and cuts it into rows. A row starts with a course
 * number and ends on the line that carries its first date, so titles wrapped over several lines
 * are joined; the column header and page numbers that a PDF repeats on every page are skipped.
 */
final class LinkTableReader {

    static final Pattern HEADING = Pattern.compile("aktuelt tilkoblede mål:?",
            Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
    private static final Pattern COLUMN_HEADER = Pattern.compile(
            "(?:(?:aktuelt tilkoblede mål:?|niveau kan angives ved enkeltfag\\.?|nummer, niveau og titel|euu"
                    + "|varighed|i dage|tilknyttet i perioden) ?)+",
            Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
    private static final Pattern PAGE_NUMBER = Pattern.compile(
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
        int rowStart = 0;
        StringBuilder row = new StringBuilder();
        for (int n = heading + 1; n <= text.count(); n++) {
            String line = text.line(n);
            if (line.isEmpty() || COLUMN_HEADER.matcher(line).matches() || PAGE_NUMBER.matcher(line).matches()) {
                continue;
            }
            if (rowStart == 0) {
                LinkRowReader.courseNumber(line, n);
                rowStart = n;
                row.setLength(0);
                row.append(line);
            } else if (ROW_START.matcher(line).matches()) {
                throw incomplete(row, rowStart);
            } else {
                row.append(' ').append(line);
            }
            if (LinkRowReader.DATE_LIKE.matcher(line).find()) {
                rows.add(LinkRowReader.read(row.toString(), rowStart, n));
                rowStart = 0;
            }
        }
        if (rowStart != 0) {
            throw incomplete(row, rowStart);
        }
        if (rows.isEmpty()) {
            throw new DocumentRejectedException("the table 'Aktuelt tilkoblede mål' has no rows", heading);
        }
        return withoutRepeats(rows);
    }

    private static DocumentRejectedException incomplete(CharSequence row, int firstLine) {
        String number = row.toString().split(" ", 2)[0];
        return new DocumentRejectedException("row for course " + number
                + " ends without EUU code, duration and linking period", firstLine);
    }

    // A page printed twice repeats its rows word for word; those collapse into one. The same
    // course with other data means the document contradicts itself, and we cannot pick a winner.
    private static List<LinkRow> withoutRepeats(List<LinkRow> rows) {
        Map<String, LinkRow> byNumber = new LinkedHashMap<>();
        for (LinkRow row : rows) {
            LinkRow first = byNumber.putIfAbsent(row.courseNumber(), row);
            if (first != null && !first.differencesFrom(row).isEmpty()) {
                throw new DocumentRejectedException("course " + row.courseNumber() + " appears twice with different "
                        + String.join(", ", first.differencesFrom(row)) + " (first at line " + first.firstLine() + ")",
                        row.firstLine());
            }
        }
        return List.copyOf(byNumber.values());
    }
}
