package dk.amu.catalogue.ingest.document;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;

/**
 * The cells of one table row as they are collected from the page, possibly from two pages. The
 * title cell's lines (from the course number down) are where the row is on a page; the other cells'
 * lines are given to the row whose title lines are nearest, since cells may be centred vertically.
 */
final class LayoutRow {

    final String courseNumber;
    final int page;
    // "X- og Y" is a Danish way to share a word's end; a line ending "X-" before "og" keeps its space
    private static final Set<String> CONJUNCTIONS = Set.of("og", "eller", "samt");

    private final List<StringBuilder> cells = new ArrayList<>();
    private final int[] lines = new int[TableHeader.COLUMNS];
    private final boolean[] brokenAtHyphen = new boolean[TableHeader.COLUMNS];
    private int blockPage;
    private float top;
    private float bottom;

    LayoutRow(String courseNumber, int page, float y) {
        this.courseNumber = courseNumber;
        this.page = page;
        for (int column = 0; column < TableHeader.COLUMNS; column++) {
            cells.add(new StringBuilder());
        }
        blockPage = page;
        top = y;
        bottom = y;
    }

    /** Joins a cell's lines with one space, or none where a word was broken after its hyphen. */
    void add(int column, List<Word> words) {
        if (words.isEmpty()) {
            return;
        }
        StringBuilder cell = cells.get(column);
        String first = words.get(0).text().toLowerCase(Locale.ROOT);
        if (cell.length() > 0 && !(brokenAtHyphen[column] && !CONJUNCTIONS.contains(first))) {
            cell.append(' ');
        }
        cell.append(PrintedLine.text(words));
        Word last = words.get(words.size() - 1);
        brokenAtHyphen[column] = !last.spaceAfter() && last.text().length() > 1 && last.text().endsWith("-");
        lines[column]++;
    }

    /** A title line, on the row's page or, when the row was split, on the next page below its header. */
    void continueTitle(List<Word> words, int page, float bodyTop, float y) {
        if (page != blockPage) {
            blockPage = page;
            top = bodyTop;
        }
        bottom = y;
        add(TableHeader.TITLE, words);
    }

    /** How far the row's title lines on {@code page} are from {@code y}; a row from an earlier page sits at the body's top. */
    float distance(int page, float bodyTop, float y) {
        float from = page == blockPage ? top : bodyTop;
        float to = page == blockPage ? bottom : bodyTop;
        return y < from ? from - y : Math.max(0, y - to);
    }

    /** True while the period so far is a date, a date and "og" or "til", or a broken word, so its next line continues it. */
    boolean periodIncomplete() {
        String period = cells.get(TableHeader.PERIOD).toString();
        Matcher date = LinkRowReader.DATE_LIKE.matcher(period);
        if (!date.find()) {
            return false;
        }
        String rest = period.substring(date.end()).strip().toLowerCase(Locale.ROOT);
        // "30-06-" / "2025": a date broken after its hyphen
        return rest.isEmpty() || rest.equals("og") || rest.equals("til") || brokenAtHyphen[TableHeader.PERIOD];
    }

    int lines(int column) {
        return lines[column];
    }

    /** The row as the text reader knows it: number, title, EUU, duration and period, each wrap joined with one space. */
    String text() {
        StringBuilder text = new StringBuilder(courseNumber);
        for (StringBuilder cell : cells) {
            if (cell.length() > 0) {
                text.append(' ').append(cell);
            }
        }
        return text.toString();
    }
}
