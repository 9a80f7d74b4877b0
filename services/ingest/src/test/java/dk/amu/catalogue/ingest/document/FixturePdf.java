package dk.amu.catalogue.ingest.document;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;

import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;

/**
 * Lays text lines out on A4 pages the way a published FKB PDF does: one text line per printed
 * line, a fixed number of lines per page, and a page footer "Side n af m".
 */
final class FixturePdf {

    static final int LINES_PER_PAGE = 50;
    private static final float FONT_SIZE = 8;
    private static final float LEADING = 14;
    private static final float MARGIN = 40;

    private FixturePdf() {
    }

    /** Blank lines are dropped: a PDF has no empty text lines, only space between them. */
    static byte[] render(List<String> lines) {
        List<String> printed = lines.stream().filter(line -> !line.isBlank()).map(String::strip).toList();
        int pages = (printed.size() + LINES_PER_PAGE - 1) / LINES_PER_PAGE;
        PDType1Font font = new PDType1Font(Standard14Fonts.FontName.HELVETICA);
        try (PDDocument document = new PDDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            for (int page = 0; page < pages; page++) {
                List<String> onPage = printed.subList(page * LINES_PER_PAGE,
                        Math.min(printed.size(), (page + 1) * LINES_PER_PAGE));
                addPage(document, font, onPage, "Side " + (page + 1) + " af " + pages);
            }
            document.save(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void addPage(PDDocument document, PDType1Font font, List<String> lines, String footer)
            throws IOException {
        PDPage page = new PDPage(PDRectangle.A4);
        document.addPage(page);
        try (PDPageContentStream content = new PDPageContentStream(document, page)) {
            float top = page.getMediaBox().getHeight() - MARGIN;
            for (int i = 0; i < lines.size(); i++) {
                write(content, font, lines.get(i), top - i * LEADING);
            }
            write(content, font, footer, MARGIN / 2);
        }
    }

    private static void write(PDPageContentStream content, PDType1Font font, String text, float y)
            throws IOException {
        content.beginText();
        content.setFont(font, FONT_SIZE);
        content.newLineAtOffset(MARGIN, y);
        content.showText(text);
        content.endText();
    }
}
