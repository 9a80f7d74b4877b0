package dk.amu.catalogue.ingest.support;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts.FontName;

/**
 * A text document printed to PDF the way a word processor prints it: every line that is wider than
 * the page is wrapped, at a space or right after a hyphen inside a word ("19-" / "12-2024",
 * "AI-" / "systemer"), by the printed width of its words in the chosen font. Pages are numbered
 * "Side n af m" at the foot.
 */
public final class WrappedPdf {

    /** A font from the standard 14, its size in points, the page and the margin on every side. */
    public record Layout(FontName font, float size, PDRectangle page, float margin) {

        public Layout(FontName font, float size, float margin) {
            this(font, size, PDRectangle.A4, margin);
        }

        float width() {
            return page.getWidth() - 2 * margin;
        }

        @Override
        public String toString() {
            return font.getName() + " " + size + " pt, " + (page.getWidth() > page.getHeight() ? "landscape" : "portrait")
                    + ", margin " + margin;
        }
    }

    private WrappedPdf() {
    }

    public static byte[] print(String text, Layout layout) {
        List<String> lines = lines(text, layout);
        PDType1Font font = new PDType1Font(layout.font());
        float leading = layout.size() * 1.25f;
        int perPage = (int) ((layout.page().getHeight() - 2 * layout.margin()) / leading);
        int pages = (lines.size() + perPage - 1) / perPage;
        try (PDDocument document = new PDDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            for (int p = 0; p < pages; p++) {
                PDPage page = new PDPage(layout.page());
                document.addPage(page);
                try (PDPageContentStream content = new PDPageContentStream(document, page)) {
                    float top = layout.page().getHeight() - layout.margin() - layout.size();
                    List<String> onPage = lines.subList(p * perPage, Math.min(lines.size(), (p + 1) * perPage));
                    for (int i = 0; i < onPage.size(); i++) {
                        write(content, font, layout, onPage.get(i), top - i * leading);
                    }
                    write(content, font, layout, "Side " + (p + 1) + " af " + pages, layout.margin() / 2);
                }
            }
            document.save(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The lines as printed: each line of {@code text} wrapped at the layout's width; blank lines stay as space. */
    public static List<String> lines(String text, Layout layout) {
        PDType1Font font = new PDType1Font(layout.font());
        List<String> printed = new ArrayList<>();
        text.lines().map(String::strip).forEach(line -> printed.addAll(wrap(line, font, layout)));
        return printed;
    }

    private static List<String> wrap(String line, PDType1Font font, Layout layout) {
        List<String> lines = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        for (String word : line.split("\\s+")) {
            List<String> pieces = pieces(word);
            for (int i = 0; i < pieces.size(); i++) {
                String glue = i == 0 && current.length() > 0 ? " " : "";
                if (current.length() > 0 && width(font, layout, current + glue + pieces.get(i)) > layout.width()) {
                    lines.add(current.toString());
                    current.setLength(0);
                    glue = "";
                }
                current.append(glue).append(pieces.get(i));
            }
        }
        lines.add(current.toString());
        return lines;
    }

    // a word may break after a hyphen that has a letter or digit on both sides
    private static List<String> pieces(String word) {
        List<String> pieces = new ArrayList<>();
        int start = 0;
        for (int i = 1; i < word.length() - 1; i++) {
            if (word.charAt(i) == '-' && Character.isLetterOrDigit(word.charAt(i - 1))
                    && Character.isLetterOrDigit(word.charAt(i + 1))) {
                pieces.add(word.substring(start, i + 1));
                start = i + 1;
            }
        }
        pieces.add(word.substring(start));
        return pieces;
    }

    private static float width(PDType1Font font, Layout layout, String text) {
        try {
            return font.getStringWidth(text) / 1000 * layout.size();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void write(PDPageContentStream content, PDType1Font font, Layout layout, String text, float y)
            throws IOException {
        if (text.isEmpty()) {
            return;
        }
        content.beginText();
        content.setFont(font, layout.size());
        content.newLineAtOffset(layout.margin(), y);
        content.showText(text);
        content.endText();
    }
}
