package dk.amu.catalogue.ingest.document;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The column header of "Aktuelt tilkoblede mål" on one page: where each column's heading words
 * were printed. Office suites centre, wrap and repeat the header on every page, so it is known by
 * its words, not by its lines: the words of one column may sit on two or three lines.
 */
record TableHeader(int lastLine, float bottom, float[] starts, float[] ends) {

    static final int TITLE = 0;
    static final int EUU = 1;
    static final int DURATION = 2;
    static final int PERIOD = 3;
    static final int COLUMNS = 4;

    private static final Map<String, Integer> COLUMN_WORDS = Map.of(
            "nummer", TITLE, "niveau", TITLE, "titel", TITLE,
            "euu", EUU,
            "varighed", DURATION, "dage", DURATION,
            "tilknyttet", PERIOD, "perioden", PERIOD, "periode", PERIOD);
    private static final Set<String> JOINING_WORDS = Set.of("og", "i");
    // a header wrapped over three lines reaches this many font sizes from its middle line
    private static final float REACH = 3;

    /** The first header at or after line {@code from}, if the page has one. */
    static Optional<TableHeader> find(List<PrintedLine> lines, int from) {
        for (int i = from; i < lines.size(); i++) {
            PrintedLine line = lines.get(i);
            if (line.words().stream().anyMatch(word -> column(word) == EUU)) {
                Optional<TableHeader> header = around(lines, i, from);
                if (header.isPresent()) {
                    return header;
                }
            }
        }
        return Optional.empty();
    }

    private static Optional<TableHeader> around(List<PrintedLine> lines, int euuLine, int from) {
        PrintedLine middle = lines.get(euuLine);
        float reach = REACH * middle.fontSize();
        // the header's lines hold nothing but header words; a row beside a wrapped header is not part of it
        int first = euuLine;
        while (first - 1 >= from && isHeaderOnly(lines.get(first - 1)) && lines.get(first - 1).y() >= middle.y() - reach) {
            first--;
        }
        int last = euuLine;
        while (last + 1 < lines.size() && isHeaderOnly(lines.get(last + 1)) && lines.get(last + 1).y() <= middle.y() + reach) {
            last++;
        }
        if (!isHeaderOnly(middle)) {
            return Optional.empty();
        }
        float[] starts = new float[COLUMNS];
        float[] ends = new float[COLUMNS];
        Arrays.fill(starts, Float.MAX_VALUE);
        Arrays.fill(ends, -Float.MAX_VALUE);
        for (int i = first; i <= last; i++) {
            for (Word word : lines.get(i).words()) {
                int column = column(word);
                if (column >= 0) {
                    starts[column] = Math.min(starts[column], word.x0());
                    ends[column] = Math.max(ends[column], word.x1());
                }
            }
        }
        for (int column = 0; column < COLUMNS; column++) {
            // in a table the headings stand side by side; in text wrapped as paragraphs they overlap
            if (starts[column] == Float.MAX_VALUE || (column > 0 && starts[column] < ends[column - 1])) {
                return Optional.empty();
            }
        }
        return Optional.of(new TableHeader(last, lines.get(last).y(), starts, ends));
    }

    /** Headers with the same geometry belong to pages laid out alike; rounded to absorb rounding. */
    String geometry() {
        StringBuilder key = new StringBuilder();
        for (int column = 0; column < COLUMNS; column++) {
            key.append(Math.round(starts[column])).append('-').append(Math.round(ends[column])).append(' ');
        }
        return key.toString();
    }

    private static boolean isHeaderOnly(PrintedLine line) {
        for (Word word : line.words()) {
            String key = key(word);
            if (!COLUMN_WORDS.containsKey(key) && !JOINING_WORDS.contains(key)) {
                return false;
            }
        }
        return true;
    }

    private static int column(Word word) {
        return COLUMN_WORDS.getOrDefault(key(word), -1);
    }

    private static String key(Word word) {
        String key = word.text().toLowerCase(Locale.ROOT);
        int start = 0;
        int end = key.length();
        while (end > start && !Character.isLetter(key.charAt(end - 1))) {
            end--;
        }
        while (start < end && !Character.isLetter(key.charAt(start))) {
            start++;
        }
        return key.substring(start, end);
    }
}
