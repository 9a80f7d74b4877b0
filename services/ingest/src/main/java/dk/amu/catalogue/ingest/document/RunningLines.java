package dk.amu.catalogue.ingest.document;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BiPredicate;
import java.util.regex.Pattern;

/**
 * Running headers, footers and page numbers of a PDF: lines printed alike at the same height on
 * many pages, or a bare page number. They sit between table rows and inside description paragraphs
 * wherever a page breaks, and belong to neither.
 */
final class RunningLines {

    // "fremefter" continuing a split row lands at the same height on many pages of a regular table
    private static final Pattern PERIOD_FRAGMENT = Pattern.compile(
            "(?:og )?fremefter|til(?: \\S+)?|\\d{1,2}-\\d{1,2}-\\d{4}(?: og| til)?", Pattern.CASE_INSENSITIVE);
    // rounding differs between pages by a fraction of a point
    private static final float SAME_HEIGHT = 2;

    private final Map<String, List<float[]>> printedAt = new HashMap<>();
    private final int pages;

    /** @param insideRows lines between a page's first and last table row; never running, so not counted */
    RunningLines(List<List<PrintedLine>> pages, BiPredicate<Integer, PrintedLine> insideRows) {
        this.pages = pages.size();
        for (int page = 0; page < pages.size(); page++) {
            for (PrintedLine line : pages.get(page)) {
                if (!insideRows.test(page, line)) {
                    printedAt.computeIfAbsent(shape(line.text()), key -> new ArrayList<>())
                            .add(new float[] {page, line.y()});
                }
            }
        }
    }

    /** @param page 0-based page index */
    boolean isRunning(int page, PrintedLine line) {
        String text = line.text();
        if (LinkTableReader.PAGE_NUMBER.matcher(text).matches()) {
            return true;
        }
        return !PERIOD_FRAGMENT.matcher(text).matches() && repeats(page, line.y(), shape(text));
    }

    // a running line is on most pages; a heading that happens to recur at one height is on a few
    private boolean repeats(int page, float y, String shape) {
        Set<Integer> others = new HashSet<>();
        for (float[] at : printedAt.getOrDefault(shape, List.of())) {
            if (at[0] != page && Math.abs(at[1] - y) <= SAME_HEIGHT) {
                others.add((int) at[0]);
            }
        }
        return others.size() >= Math.max(1, (pages - 1) / 2);
    }

    /** The lines of extracted text before {@code end}, with running lines blanked so line numbers stay. */
    DocumentLines blankedBefore(DocumentLines text, int end) {
        Set<String> running = new HashSet<>();
        printedAt.forEach((shape, places) -> {
            for (float[] at : places) {
                if (!PERIOD_FRAGMENT.matcher(shape).matches() && repeats((int) at[0], at[1], shape)) {
                    running.add(shape);
                    return;
                }
            }
        });
        List<String> lines = new ArrayList<>(text.lines());
        for (int n = 0; n < Math.min(end - 1, lines.size()); n++) {
            String line = lines.get(n);
            if (LinkTableReader.PAGE_NUMBER.matcher(line).matches() || running.contains(shape(line))) {
                lines.set(n, "");
            }
        }
        return new DocumentLines(lines);
    }

    // page numbers differ from page to page; the rest of a running line does not
    private static String shape(String text) {
        StringBuilder shape = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            shape.append(Character.isDigit(c) ? '#' : c);
        }
        return shape.toString();
    }
}
