package dk.amu.catalogue.ingest.document;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Joins the lines one table row was wrapped over, from its course number to the next row, back into
 * the row as it was written. A text printed at the page width wraps a long row anywhere: inside the
 * title, between duration and period, after "og" or "til", inside a date ("19-" / "12-2024") or
 * before the year of an end date ("30-06-" / "2025"). Text copied from a table puts the last words
 * of a wrapped title beside the rest of the period ("og" / "undervisning fremefter").
 *
 * <p>Once the period is complete the row is, too: a line after it is not part of the row, and the
 * document is refused there as it would be at any line that is not a row.
 */
final class WrappedRow {

    /** A line of the extracted text with its 1-based number. */
    record Line(int number, String text) {
    }

    // a period that the next line may still complete: "19-12-2024", "... og", "... til", "... til 30-06-"
    private static final Pattern UNFINISHED = Pattern.compile(
            "(?:og|til(?: \\d{1,2}[-./](?:\\d{1,2}[-./])?)?)?", Pattern.CASE_INSENSITIVE);
    private static final Pattern KNOWN = Pattern.compile("og fremefter|til (\\S+)", Pattern.CASE_INSENSITIVE);
    private static final Pattern OPEN_END = Pattern.compile("(.*?) ?\\b(og fremefter)", Pattern.CASE_INSENSITIVE);
    private static final Pattern ENDS_OPEN = Pattern.compile("(.*?) ?\\b(fremefter)", Pattern.CASE_INSENSITIVE);
    private static final Pattern END_DATE = Pattern.compile("(.*?) ?\\b(til \\S+)", Pattern.CASE_INSENSITIVE);
    private static final Pattern DATE_ONLY = Pattern.compile("(.*?) ?(\\S+)");

    private enum Period { NOT_YET, UNFINISHED, COMPLETE }

    private WrappedRow() {
    }

    /**
     * @param lines the row's lines: the first starts with its course number, none of the others does
     * @throws DocumentRejectedException on the row's first line when it never reaches a period, on its
     *         last line when its EUU code, duration or period cannot be read, or on a line after its period
     */
    static LinkRow read(List<Line> lines) {
        int first = lines.get(0).number();
        String row = lines.get(0).text();
        int last = first;
        for (Line next : lines.subList(1, lines.size())) {
            String joined = next(row, next.text());
            if (joined == null) {
                // the row ends before this line: read it for its own faults first, as a row on its own is
                LinkRowReader.read(row, first, last);
                throw LinkRowReader.notARow(next.text(), next.number());
            }
            row = joined;
            last = next.number();
        }
        if (period(row) == Period.NOT_YET) {
            throw new DocumentRejectedException("row for course " + row.split(" ", 2)[0]
                    + " ends without EUU code, duration and linking period", first);
        }
        return LinkRowReader.read(row, first, last);
    }

    /** The row continued by {@code next}, or null when {@code next} cannot belong to it. */
    private static String next(String row, String next) {
        return switch (period(row)) {
            case NOT_YET -> WrappedText.join(row, next);
            case COMPLETE -> null;
            case UNFINISHED -> {
                String joined = WrappedText.join(row, next);
                yield period(joined) == Period.UNFINISHED || known(joined) ? joined : interleaved(row, next);
            }
        };
    }

    private static Period period(String row) {
        Matcher date = LinkRowReader.DATE_LIKE.matcher(row);
        if (!date.find()) {
            return Period.NOT_YET;
        }
        return UNFINISHED.matcher(rest(row, date)).matches() ? Period.UNFINISHED : Period.COMPLETE;
    }

    /** True when the period after the first date is one LinkRowReader knows; it still checks the dates. */
    private static boolean known(String row) {
        Matcher date = LinkRowReader.DATE_LIKE.matcher(row);
        date.find();
        Matcher known = KNOWN.matcher(rest(row, date));
        return known.matches() && (known.group(1) == null || LinkRowReader.DATE_LIKE.matcher(known.group(1)).matches());
    }

    private static String rest(String row, Matcher date) {
        return row.substring(date.end()).strip().toLowerCase(Locale.ROOT);
    }

    /**
     * The row with its period completed from {@code next}, whose words before the completion continue
     * the title; null when {@code next} does not complete the period.
     */
    private static String interleaved(String row, String next) {
        Matcher date = LinkRowReader.DATE_LIKE.matcher(row);
        date.find();
        String rest = rest(row, date);
        Matcher completion = (rest.isEmpty() ? OPEN_END : rest.equals("og") ? ENDS_OPEN : DATE_ONLY).matcher(next);
        if (!completion.matches() && rest.isEmpty()) {
            completion = END_DATE.matcher(next);
        }
        if (!completion.matches() || !(rest.isEmpty() || rest.equals("og") || rest.equals("til"))
                || (rest.equals("til") && !LinkRowReader.DATE_LIKE.matcher(completion.group(2)).matches())) {
            return null;
        }
        List<String> head = new ArrayList<>(List.of(row.substring(0, date.start()).strip().split(" ")));
        String titleRest = completion.group(1).strip();
        if (!titleRest.isEmpty()) {
            // EUU and duration close the head; the title's last words belong before them
            head.add(Math.max(1, head.size() - 2), titleRest);
        }
        return String.join(" ", head) + " " + row.substring(date.start()).strip() + " " + completion.group(2);
    }
}
