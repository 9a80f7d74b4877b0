package dk.amu.catalogue.ingest.document;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Reads "Aktuelt tilkoblede mål" from where its words were printed, as an office suite lays out a
 * table: the columns from the header's words, a row from each course number in the first column,
 * and every other word to the cell of its column and row. Cells wrapped over lines, rows split by a
 * page break, a header repeated on every page and running headers or page numbers between rows then
 * give the same rows as the tidy text.
 */
final class LayoutTable {

    private static final Pattern COURSE_NUMBER = Pattern.compile("\\d{5}");
    private static final Pattern WRONG_COURSE_NUMBER = Pattern.compile("\\d{4}|\\d{6}");
    // lines of the last row on a page lie no further apart than the rows above them; a little slack
    private static final float GAP_SLACK = 1.25f;

    private final List<TablePage> table;
    private final List<LayoutRow> rows = new ArrayList<>();
    private LayoutRow periodRow;

    private LayoutTable(List<TablePage> table) {
        this.table = table;
    }

    /** The table, or empty when the document has no table header to take columns from. */
    static Optional<LayoutTable> find(List<List<PrintedLine>> pages) {
        List<TablePage> table = TablePage.of(pages);
        return table.isEmpty() ? Optional.empty() : Optional.of(new LayoutTable(table));
    }

    /** True for a line between the first and the last row that starts on its page (0-based index). */
    boolean insideRows(int pageIndex, PrintedLine line) {
        int first = table.get(0).number() - 1;
        if (pageIndex < first) {
            return false;
        }
        TablePage page = table.get(pageIndex - first);
        int from = page.firstRowLine();
        return from >= 0 && line.y() >= page.body().get(from).y() && line.y() <= page.body().get(page.lastRowLine()).y();
    }

    /** Reads every row; call once. */
    List<LinkRow> read(RunningLines running) {
        float gapLimit = gapLimit(table);
        for (TablePage page : table) {
            readPage(page, gapLimit, running);
        }
        if (rows.isEmpty()) {
            throw DocumentRejectedException.onPage("the table 'Aktuelt tilkoblede mål' has no rows",
                    table.get(0).number());
        }
        List<LinkRow> read = new ArrayList<>();
        for (LayoutRow row : rows) {
            read.add(linkRow(row));
        }
        return LinkTableReader.withoutRepeats(read, true);
    }

    private static float gapLimit(List<TablePage> table) {
        float widest = 0;
        float fontSize = 0;
        for (TablePage page : table) {
            List<PrintedLine> body = page.body();
            int first = page.firstRowLine();
            int last = page.lastRowLine();
            for (int n = first + 1; first >= 0 && n <= last; n++) {
                widest = Math.max(widest, body.get(n).y() - body.get(n - 1).y());
            }
            if (first >= 0) {
                fontSize = Math.max(fontSize, body.get(first).fontSize());
            }
        }
        return widest > 0 ? widest * GAP_SLACK + 1 : 3 * fontSize;
    }

    private void readPage(TablePage page, float gapLimit, RunningLines running) {
        List<PrintedLine> body = page.body();
        int first = page.firstRowLine();
        int last = page.lastRowLine();
        List<PrintedLine> content = new ArrayList<>();
        float previous = -Float.MAX_VALUE;
        boolean pastTable = false;
        for (int n = 0; n < body.size(); n++) {
            PrintedLine line = body.get(n);
            boolean insideRows = first >= 0 && n >= first && n <= last;
            if (!insideRows && running.isRunning(page.number() - 1, line)) {
                continue;
            }
            if (last >= 0 && n > last && line.y() - previous > gapLimit) {
                pastTable = true;
            }
            if (pastTable) {
                throw notARow(line, page);
            }
            content.add(line);
            previous = line.y();
        }
        List<List<List<Word>>> cells = new ArrayList<>();
        for (PrintedLine line : content) {
            cells.add(cellsOf(line, page));
        }
        List<LayoutRow> onPage = new ArrayList<>();
        LayoutRow carried = rows.isEmpty() ? null : rows.get(rows.size() - 1);
        for (int n = 0; n < content.size(); n++) {
            readTitle(content.get(n), cells.get(n), page, onPage);
        }
        for (int n = 0; n < content.size(); n++) {
            readOtherCells(content.get(n), cells.get(n), page, onPage, carried);
        }
    }

    private void readTitle(PrintedLine line, List<List<Word>> cells, TablePage page, List<LayoutRow> onPage) {
        List<Word> title = cells.get(TableHeader.TITLE);
        if (title.isEmpty()) {
            return;
        }
        Word first = title.get(0);
        boolean startsLine = first == line.words().get(0);
        if (startsLine && COURSE_NUMBER.matcher(first.text()).matches()) {
            LayoutRow row = new LayoutRow(first.text(), page.number(), line.y());
            row.add(TableHeader.TITLE, title.subList(1, title.size()));
            rows.add(row);
            onPage.add(row);
            return;
        }
        if (startsLine && WRONG_COURSE_NUMBER.matcher(first.text()).matches()
                && !cells.get(TableHeader.EUU).isEmpty()) {
            throw DocumentRejectedException.onPage("course number '" + first.text() + "' is not five digits",
                    page.number());
        }
        if (rows.isEmpty()) {
            throw notARow(line, page);
        }
        rows.get(rows.size() - 1).continueTitle(title, page.number(), page.bodyTop(), line.y());
    }

    private void readOtherCells(PrintedLine line, List<List<Word>> cells, TablePage page, List<LayoutRow> onPage,
            LayoutRow carried) {
        for (int column = TableHeader.EUU; column < TableHeader.COLUMNS; column++) {
            List<Word> words = cells.get(column);
            if (words.isEmpty()) {
                continue;
            }
            LayoutRow row;
            if (column == TableHeader.PERIOD && periodRow != null && periodRow.periodIncomplete()
                    && !LinkRowReader.DATE_LIKE.matcher(words.get(0).text()).matches()) {
                row = periodRow;
            } else {
                row = nearest(onPage, carried, page, line.y());
            }
            if (row == null) {
                throw notARow(line, page);
            }
            row.add(column, words);
            if (column == TableHeader.PERIOD) {
                periodRow = row;
            }
        }
    }

    private static LayoutRow nearest(List<LayoutRow> onPage, LayoutRow carried, TablePage page, float y) {
        LayoutRow nearest = carried;
        float distance = carried == null ? Float.MAX_VALUE : carried.distance(page.number(), page.bodyTop(), y);
        for (LayoutRow row : onPage) {
            float d = row.distance(page.number(), page.bodyTop(), y);
            if (d < distance) {
                nearest = row;
                distance = d;
            }
        }
        return nearest;
    }

    private static List<List<Word>> cellsOf(PrintedLine line, TablePage page) {
        List<List<Word>> cells = new ArrayList<>();
        for (int column = 0; column < TableHeader.COLUMNS; column++) {
            cells.add(new ArrayList<>());
        }
        for (Word word : line.words()) {
            cells.get(page.columns().of(word)).add(word);
        }
        return cells;
    }

    private static LinkRow linkRow(LayoutRow row) {
        if (row.lines(TableHeader.EUU) > 1 || row.lines(TableHeader.DURATION) > 1) {
            throw DocumentRejectedException.onPage("row for course " + row.courseNumber
                    + " has more than one EUU code or duration; the table's rows cannot be told apart", row.page);
        }
        try {
            return LinkRowReader.read(row.text(), row.page, row.page);
        } catch (DocumentRejectedException e) {
            throw DocumentRejectedException.onPage(e.reason(), row.page);
        }
    }

    private static DocumentRejectedException notARow(PrintedLine line, TablePage page) {
        return DocumentRejectedException.onPage("expected a table row starting with a five-digit course number, "
                + "found '" + line.text() + "'", page.number());
    }
}
