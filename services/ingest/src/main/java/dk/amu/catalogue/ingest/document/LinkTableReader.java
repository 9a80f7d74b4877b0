package dk.amu.catalogue.ingest.document;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalInt;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.IntStream;

/**
 * Finds the table "Aktuelt tilkoblede mål" and cuts it into rows. A row starts with a course
 * number and ends on the line that carries its first date, so titles wrapped over several lines
 * are joined; the column header and page numbers that a PDF repeats on every page are skipped.
 * Where a long line wrapped inside the period ("20-12-2024 og" / "fremefter"), the next line
 * completes it, and words before the completion are the rest of a wrapped title.
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
    private static final Pattern OPEN_END = Pattern.compile("(.*?) ?\\b(og fremefter)", Pattern.CASE_INSENSITIVE);
    private static final Pattern ENDS_OPEN = Pattern.compile("(.*?) ?\\b(fremefter)", Pattern.CASE_INSENSITIVE);
    private static final Pattern END_DATE = Pattern.compile("(.*?) ?\\b(til \\S+)", Pattern.CASE_INSENSITIVE);
    private static final Pattern DATE_ONLY = Pattern.compile("(.*?) ?(\\S+)");

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
        int dateLine = 0;
        StringBuilder row = new StringBuilder();
        for (int n = heading + 1; n <= text.count(); n++) {
            String line = text.line(n);
            if (line.isEmpty() || COLUMN_HEADER.matcher(line).matches() || PAGE_NUMBER.matcher(line).matches()) {
                continue;
            }
            if (dateLine != 0) {
                // the row has its first date, but the period so far is only a beginning
                String completed = ROW_START.matcher(line).matches() ? null : completed(row.toString(), line);
                rows.add(LinkRowReader.read(completed == null ? row.toString() : completed, rowStart,
                        completed == null ? dateLine : n));
                rowStart = 0;
                dateLine = 0;
                if (completed != null) {
                    continue;
                }
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
                if (periodContinues(row.toString())) {
                    dateLine = n;
                } else {
                    rows.add(LinkRowReader.read(row.toString(), rowStart, n));
                    rowStart = 0;
                }
            }
        }
        if (dateLine != 0) {
            rows.add(LinkRowReader.read(row.toString(), rowStart, dateLine));
        } else if (rowStart != 0) {
            throw incomplete(row, rowStart);
        }
        if (rows.isEmpty()) {
            throw new DocumentRejectedException("the table 'Aktuelt tilkoblede mål' has no rows", heading);
        }
        return withoutRepeats(rows, false);
    }

    /** True when the row's period stops at its first date, or at "og" or "til" after it. */
    private static boolean periodContinues(String row) {
        return !rest(row).isEmpty() ? isConjunction(rest(row)) : true;
    }

    private static boolean isConjunction(String rest) {
        return rest.equals("og") || rest.equals("til");
    }

    private static String rest(String row) {
        Matcher date = LinkRowReader.DATE_LIKE.matcher(row);
        date.find();
        return row.substring(date.end()).strip().toLowerCase(Locale.ROOT);
    }

    /**
     * The row with its period completed from {@code next}, whose words before the completion continue
     * the title; null when {@code next} does not complete the period.
     */
    private static String completed(String row, String next) {
        String rest = rest(row);
        Matcher completion = (rest.isEmpty() ? OPEN_END : rest.equals("og") ? ENDS_OPEN : DATE_ONLY).matcher(next);
        if (!completion.matches() && rest.isEmpty()) {
            completion = END_DATE.matcher(next);
        }
        if (!completion.matches() || (rest.equals("til")
                && !LinkRowReader.DATE_LIKE.matcher(completion.group(2)).matches())) {
            return null;
        }
        Matcher date = LinkRowReader.DATE_LIKE.matcher(row);
        date.find();
        List<String> head = new ArrayList<>(List.of(row.substring(0, date.start()).strip().split(" ")));
        String titleRest = completion.group(1).strip();
        if (!titleRest.isEmpty()) {
            // EUU and duration close the head; the title's last words belong before them
            head.add(Math.max(1, head.size() - 2), titleRest);
        }
        return String.join(" ", head) + " " + row.substring(date.start()).strip() + " " + completion.group(2);
    }

    private static DocumentRejectedException incomplete(CharSequence row, int firstLine) {
        String number = row.toString().split(" ", 2)[0];
        return new DocumentRejectedException("row for course " + number
                + " ends without EUU code, duration and linking period", firstLine);
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
