package dk.amu.catalogue.ingest.document;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;

import dk.amu.catalogue.snapshots.v1.CourseLink;

/**
 * Lays an FKB document out the way an office suite publishes it: the description as wrapped
 * paragraphs, then "Aktuelt tilkoblede mål" as a real table whose cells wrap, whose rows may be
 * split by a page break and whose header repeats on every page, with running headers and page
 * numbers if asked. A test generator: the parser must read every variation to the same rows.
 */
final class TablePdf {

    private static final DateTimeFormatter DANISH_DATE = DateTimeFormatter.ofPattern("dd-MM-yyyy");
    private static final float MARGIN = 50;
    private static final Pattern BREAKS = Pattern.compile("(?<=\\s)|(?<=\\p{L}-)(?=[\\p{L}\\d])|(?<=\\d-)(?=\\d)");

    /**
     * @param widths       the table's column widths as fractions of the text width
     * @param headerLines  the header text per column, one string per printed line
     * @param centred      headers and cells centred vertically (and headers horizontally), as office suites do
     * @param splitRows    a row that does not fit is split by the page break instead of moved whole
     * @param footer       a page footer such as "Side %d af %d" (page, pages), or null
     * @param running      a running header printed at the top of every page, or null
     */
    record Style(PDRectangle pageSize, Standard14Fonts.FontName font, float fontSize, float[] widths,
            List<List<String>> headerLines, boolean centred, boolean repeatHeader, boolean splitRows, float padding,
            String footer, String running) {

        static final List<List<String>> WRAPPED_HEADER = List.of(List.of("Nummer, niveau og titel"), List.of("EUU"),
                List.of("Varighed i", "dage"), List.of("Tilknyttet i", "perioden"));
        static final List<List<String>> ONE_LINE_HEADER = List.of(List.of("Nummer, niveau og titel"), List.of("EUU"),
                List.of("Varighed i dage"), List.of("Tilknyttet i perioden"));

        /** Close to what LibreOffice made of the fixture. */
        static Style officeSuite() {
            return new Style(PDRectangle.A4, Standard14Fonts.FontName.HELVETICA, 10,
                    new float[] {0.56f, 0.06f, 0.18f, 0.20f}, WRAPPED_HEADER, true, true, true, 5, null, null);
        }

        Style landscape() {
            return with(new PDRectangle(pageSize.getHeight(), pageSize.getWidth()));
        }

        Style with(PDRectangle size) {
            return new Style(size, font, fontSize, widths, headerLines, centred, repeatHeader, splitRows, padding, footer,
                    running);
        }

        Style with(Standard14Fonts.FontName name, float size) {
            return new Style(pageSize, name, size, widths, headerLines, centred, repeatHeader, splitRows, padding, footer,
                    running);
        }

        Style withWidths(float... fractions) {
            return new Style(pageSize, font, fontSize, fractions, headerLines, centred, repeatHeader, splitRows, padding,
                    footer, running);
        }

        Style withHeader(List<List<String>> lines, boolean repeated) {
            return new Style(pageSize, font, fontSize, widths, lines, centred, repeated, splitRows, padding, footer,
                    running);
        }

        Style withCells(boolean centredCells, boolean split, float cellPadding) {
            return new Style(pageSize, font, fontSize, widths, headerLines, centredCells, repeatHeader, split,
                    cellPadding, footer, running);
        }

        Style withMargins(String pageFooter, String runningHeader) {
            return new Style(pageSize, font, fontSize, widths, headerLines, centred, repeatHeader, splitRows, padding,
                    pageFooter, runningHeader);
        }
    }

    private record Text(String text, float x, float top, float size) {
    }

    private final Style style;
    private final PDType1Font font;
    private final float leading;
    private final float width;
    private final float[] columnX;
    private final List<List<Text>> pages = new ArrayList<>();
    private float cursor;

    private TablePdf(Style style) {
        this.style = style;
        this.font = new PDType1Font(style.font());
        this.leading = style.fontSize() * 1.2f;
        this.width = style.pageSize().getWidth() - 2 * MARGIN;
        this.columnX = new float[style.widths().length + 1];
        columnX[0] = MARGIN;
        for (int i = 0; i < style.widths().length; i++) {
            columnX[i + 1] = columnX[i] + style.widths()[i] * width;
        }
    }

    /** The description lines of {@code fixture} as paragraphs, then its expected rows as the table. */
    static byte[] render(Fixtures fixture, Style style) {
        List<String> lines = fixture.text().lines().toList();
        int heading = FkbDocumentParserRejectionTests.lineOf(fixture.text(), "Aktuelt tilkoblede mål");
        return render(lines.subList(0, heading - 1), fixture.expectedLinks(), style);
    }

    static byte[] render(List<String> description, List<CourseLink> links, Style style) {
        return renderCells(description, links.stream().map(TablePdf::cells).toList(), style);
    }

    /** @param rows per row the text of its four cells, as printed: number and title, EUU, duration, period */
    static byte[] renderCells(List<String> description, List<List<String>> rows, Style style) {
        TablePdf pdf = new TablePdf(style);
        pdf.newPage();
        description.stream().map(String::strip).filter(line -> !line.isEmpty()).forEach(pdf::paragraph);
        pdf.table(rows);
        return pdf.save();
    }

    static List<String> cells(CourseLink link) {
        String period = link.getLinkedFrom().format(DANISH_DATE) + (link.getLinkedTo() == null ? " og fremefter"
                : " til " + link.getLinkedTo().format(DANISH_DATE));
        return List.of(link.getCourseNumber() + " " + link.getTitle(), link.getEuu(),
                link.getDurationDays().toPlainString().replace('.', ','), period);
    }

    private void paragraph(String text) {
        for (String line : wrap(text, width, style.fontSize())) {
            if (cursor + leading > bottom()) {
                newPage();
            }
            cursor += leading;
            place(line, MARGIN, cursor, style.fontSize());
        }
    }

    private void table(List<List<String>> rows) {
        float headingSize = style.fontSize() * 1.6f;
        if (cursor + 3 * headingSize + headerHeight() + 2 * leading > bottom()) {
            newPage();
        }
        cursor += 2 * headingSize;
        place("Aktuelt tilkoblede mål", MARGIN, cursor, headingSize);
        cursor += leading;
        place("Niveau kan angives ved enkeltfag.", MARGIN, cursor, style.fontSize());
        cursor += leading / 2;
        header();
        for (List<String> row : rows) {
            List<List<String>> cells = new ArrayList<>();
            for (int column = 0; column < row.size(); column++) {
                cells.add(wrap(row.get(column), cellWidth(column), style.fontSize()));
            }
            row(cells);
        }
    }

    private void header() {
        int lines = style.headerLines().stream().mapToInt(List::size).max().orElseThrow();
        for (int column = 0; column < style.headerLines().size(); column++) {
            List<String> label = style.headerLines().get(column);
            float offset = style.centred() ? (lines - label.size()) * leading / 2 : 0;
            for (int i = 0; i < label.size(); i++) {
                float textWidth = width(label.get(i), style.fontSize());
                float x = style.centred() ? columnX[column] + (columnX[column + 1] - columnX[column] - textWidth) / 2
                        : columnX[column] + style.padding();
                place(label.get(i), x, cursor + style.padding() + offset + (i + 1) * leading, style.fontSize());
            }
        }
        cursor += headerHeight();
    }

    private float headerHeight() {
        return style.headerLines().stream().mapToInt(List::size).max().orElseThrow() * leading + 2 * style.padding();
    }

    private void row(List<List<String>> cells) {
        int lines = cells.stream().mapToInt(List::size).max().orElseThrow();
        float height = lines * leading + 2 * style.padding();
        if (cursor + height > bottom() && !(style.splitRows() && slotsLeft() >= 1)) {
            continueOnNewPage();
        }
        int fit = cursor + height > bottom() ? slotsLeft() : lines;
        float top = cursor;
        List<Text> below = new ArrayList<>();
        for (int column = 0; column < cells.size(); column++) {
            List<String> cell = cells.get(column);
            // as in LibreOffice, the parts of a row split by a page break are aligned to their tops
            float offset = style.centred() && fit == lines ? (lines - cell.size()) / 2f : 0;
            for (int i = 0; i < cell.size(); i++) {
                float slot = offset + i;
                float x = columnX[column] + style.padding();
                if (slot < fit) {
                    place(cell.get(i), x, top + style.padding() + (slot + 1) * leading, style.fontSize());
                } else {
                    below.add(new Text(cell.get(i), x, slot - fit, style.fontSize()));
                }
            }
        }
        if (fit == lines) {
            cursor = top + height;
            return;
        }
        continueOnNewPage();
        float nextTop = cursor;
        below.forEach(text -> place(text.text(), text.x(), nextTop + style.padding() + (text.top() + 1) * leading,
                text.size()));
        cursor = nextTop + (lines - fit) * leading + 2 * style.padding();
    }

    private int slotsLeft() {
        return (int) Math.floor((bottom() - cursor - style.padding()) / leading);
    }

    private void continueOnNewPage() {
        newPage();
        if (style.repeatHeader()) {
            header();
        }
    }

    private void newPage() {
        pages.add(new ArrayList<>());
        cursor = MARGIN + (style.running() == null ? 0 : 2 * leading);
        if (style.running() != null) {
            place(style.running(), MARGIN, MARGIN, style.fontSize());
        }
    }

    private float bottom() {
        return style.pageSize().getHeight() - MARGIN - (style.footer() == null ? 0 : 2 * leading);
    }

    private float cellWidth(int column) {
        return columnX[column + 1] - columnX[column] - 2 * style.padding();
    }

    private void place(String text, float x, float top, float size) {
        pages.get(pages.size() - 1).add(new Text(text, x, top, size));
    }

    /**
     * Greedy wrap as office suites do it: at a space, which stays printed at the end of the line, or
     * after a hyphen inside a word ("it-" / "systemer", "30-06-" / "2025"), with no space printed.
     */
    private List<String> wrap(String text, float maxWidth, float size) {
        List<String> lines = new ArrayList<>();
        StringBuilder line = new StringBuilder();
        for (String piece : BREAKS.split(text)) {
            if (line.length() > 0 && width((line + piece).strip(), size) > maxWidth) {
                lines.add(line.toString());
                line.setLength(0);
            }
            line.append(piece);
        }
        lines.add(line.toString());
        return lines;
    }

    private float width(String text, float size) {
        try {
            return font.getStringWidth(text) / 1000 * size;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private byte[] save() {
        try (PDDocument document = new PDDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            for (int i = 0; i < pages.size(); i++) {
                PDPage page = new PDPage(style.pageSize());
                document.addPage(page);
                try (PDPageContentStream content = new PDPageContentStream(document, page)) {
                    for (Text text : pages.get(i)) {
                        write(content, text.text(), text.x(), text.top(), text.size());
                    }
                    if (style.footer() != null) {
                        String footer = String.format(style.footer(), i + 1, pages.size());
                        write(content, footer, (style.pageSize().getWidth() - width(footer, style.fontSize())) / 2,
                                style.pageSize().getHeight() - MARGIN / 2, style.fontSize());
                    }
                }
            }
            document.save(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void write(PDPageContentStream content, String text, float x, float top, float size) throws IOException {
        content.beginText();
        content.setFont(font, size);
        content.newLineAtOffset(x, style.pageSize().getHeight() - top);
        content.showText(text);
        content.endText();
    }
}
