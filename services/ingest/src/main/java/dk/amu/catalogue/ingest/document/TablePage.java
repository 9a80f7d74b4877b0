package dk.amu.catalogue.ingest.document;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/** One page of the table: its lines below the header (all of them where the header is not repeated). */
final class TablePage {

    private static final Pattern COURSE_NUMBER = Pattern.compile("\\d{5}");

    private final int number;
    private final Optional<TableHeader> header;
    private final List<PrintedLine> body;
    private TableColumns columns;
    private int firstRowLine = -1;
    private int lastRowLine = -1;

    /** @param index 0-based page index */
    private TablePage(int index, List<PrintedLine> lines, Optional<TableHeader> header) {
        this.number = index + 1;
        this.header = header;
        this.body = header.map(h -> lines.subList(h.lastLine() + 1, lines.size())).orElse(lines);
    }

    /**
     * Every page from the first table header on, each with its header if it repeats one and the
     * columns to read it by; empty when no table header follows the heading "Aktuelt tilkoblede mål".
     */
    static List<TablePage> of(List<List<PrintedLine>> pages) {
        for (int page = 0; page < pages.size(); page++) {
            List<PrintedLine> lines = pages.get(page);
            for (int n = 0; n < lines.size(); n++) {
                if (LinkTableReader.HEADING.matcher(lines.get(n).text()).matches()) {
                    return fromHeading(pages, page, n);
                }
            }
        }
        return List.of();
    }

    private static List<TablePage> fromHeading(List<List<PrintedLine>> pages, int headingPage, int headingLine) {
        Optional<TableHeader> first = TableHeader.find(pages.get(headingPage), headingLine + 1);
        int firstPage = headingPage;
        if (first.isEmpty() && headingPage + 1 < pages.size()) {
            // the heading may be the last line of its page
            first = TableHeader.find(pages.get(headingPage + 1), 0);
            firstPage = headingPage + 1;
        }
        if (first.isEmpty()) {
            return List.of();
        }
        List<TablePage> table = new ArrayList<>();
        table.add(new TablePage(firstPage, pages.get(firstPage), first));
        for (int page = firstPage + 1; page < pages.size(); page++) {
            table.add(new TablePage(page, pages.get(page), TableHeader.find(pages.get(page), 0)));
        }
        columns(table);
        return table;
    }

    /** Pages whose headers lie alike share columns, so a page with few rows borrows the gaps of the others. */
    private static void columns(List<TablePage> table) {
        Map<String, List<TablePage>> alike = new HashMap<>();
        Map<String, TableHeader> headers = new HashMap<>();
        String key = null;
        for (TablePage page : table) {
            if (page.header().isPresent()) {
                key = page.header().get().geometry();
                headers.putIfAbsent(key, page.header().get());
            }
            alike.computeIfAbsent(key, k -> new ArrayList<>()).add(page);
        }
        alike.forEach((geometry, group) -> {
            List<Word> cells = new ArrayList<>();
            group.forEach(page -> page.body().forEach(line -> cells.addAll(line.words())));
            TableColumns columns = TableColumns.of(headers.get(geometry), cells);
            group.forEach(page -> page.columns(columns));
        });
    }

    /** 1-based, as the operator sees it. */
    int number() {
        return number;
    }

    Optional<TableHeader> header() {
        return header;
    }

    List<PrintedLine> body() {
        return body;
    }

    float bodyTop() {
        return header.map(TableHeader::bottom).orElse(0f);
    }

    TableColumns columns() {
        return columns;
    }

    /** Sets the columns, and with them which lines start rows. */
    void columns(TableColumns pageColumns) {
        columns = pageColumns;
        for (int n = 0; n < body.size(); n++) {
            if (startsRow(body.get(n))) {
                lastRowLine = n;
                if (firstRowLine < 0) {
                    firstRowLine = n;
                }
            }
        }
    }

    /** The index in {@link #body()} of the first line that starts a row, or -1. */
    int firstRowLine() {
        return firstRowLine;
    }

    /** The index in {@link #body()} of the last line that starts a row, or -1. */
    int lastRowLine() {
        return lastRowLine;
    }

    private boolean startsRow(PrintedLine line) {
        Word first = line.words().get(0);
        return COURSE_NUMBER.matcher(first.text()).matches() && columns.of(first) == TableHeader.TITLE;
    }
}
