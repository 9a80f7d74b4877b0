package dk.amu.catalogue.ingest.document;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;

/**
 * The cells of one table row as they are collected from the page, possibly from two pages. The
 * title cell's lines (from the course number down) are where the row is on a page; the other cells'
 * lines are given to the row whose title lines are nearest, since cells may be centred vertically.
 */
final class LayoutRow {

    final String courseNumber;
    final int page;
    private final List<List<String>> cells = new ArrayList<>();
    private int blockPage;
    private float top;
    private float bottom;

    LayoutRow(String courseNumber, int page, float y) {
        this.courseNumber = courseNumber;
        this.page = page;
        for (int column = 0; column < TableHeader.COLUMNS; column++) {
            cells.add(new ArrayList<>());
        }
        blockPage = page;
        top = y;
        bottom = y;
    }

    void add(int column, List<Word> words) {
        if (!words.isEmpty()) {
            cells.get(column).add(PrintedLine.text(words));
        }
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

    /** True while the period so far is a date, or a date and "og" or "til", so its next line continues it. */
    boolean periodIncomplete() {
        String period = String.join(" ", cells.get(TableHeader.PERIOD));
        Matcher date = LinkRowReader.DATE_LIKE.matcher(period);
        if (!date.find()) {
            return false;
        }
        String rest = period.substring(date.end()).strip().toLowerCase(Locale.ROOT);
        return rest.isEmpty() || rest.equals("og") || rest.equals("til");
    }

    int lines(int column) {
        return cells.get(column).size();
    }

    /** The row as the text reader knows it: number, title, EUU, duration and period, each wrap joined with one space. */
    String text() {
        StringBuilder text = new StringBuilder(courseNumber);
        for (List<String> cell : cells) {
            for (String line : cell) {
                text.append(' ').append(line);
            }
        }
        return text.toString();
    }
}
