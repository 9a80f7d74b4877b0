package dk.amu.catalogue.ingest.document;

import java.util.List;
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
    TablePage(int index, List<PrintedLine> lines, Optional<TableHeader> header) {
        this.number = index + 1;
        this.header = header;
        this.body = header.map(h -> lines.subList(h.lastLine() + 1, lines.size())).orElse(lines);
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
