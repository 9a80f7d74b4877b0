package dk.amu.catalogue.ingest.document;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.pdfbox.text.TextPosition;

/**
 * PDFBox's own text extraction, which also keeps every word with its position. One pass gives both
 * the text (for the description) and the words (for the table), so reading the layout costs little
 * more than extracting the text: the font and glyph work, which dominates, is done once.
 */
final class PdfLayout extends PDFTextStripper {

    private final List<List<Word>> pages = new ArrayList<>();
    private final StringBuilder word = new StringBuilder();
    private float x0;
    private float x1;
    private float y;
    private float fontSize;

    private PdfLayout() {
    }

    /** Not thread-safe, like every PDFTextStripper: one instance per document. */
    static PdfContent read(PDDocument document) throws IOException {
        PdfLayout layout = new PdfLayout();
        for (int i = 0; i < document.getNumberOfPages(); i++) {
            layout.pages.add(new ArrayList<>());
        }
        String text = layout.getText(document);
        return new PdfContent(text, layout.pages);
    }

    @Override
    protected void writeString(String text, List<TextPosition> positions) throws IOException {
        super.writeString(text, positions);
        List<Word> page = pages.get(getCurrentPageNo() - 1);
        for (TextPosition position : positions) {
            String unicode = position.getUnicode();
            if (unicode == null || isSpace(unicode)) {
                flush(page, true);
                continue;
            }
            if (word.length() == 0) {
                x0 = position.getXDirAdj();
                y = position.getYDirAdj();
                fontSize = position.getFontSizeInPt();
            }
            word.append(unicode);
            x1 = position.getXDirAdj() + position.getWidthDirAdj();
        }
        flush(page, false);
    }

    private void flush(List<Word> page, boolean spaceAfter) {
        if (word.length() > 0) {
            page.add(new Word(word.toString(), x0, x1, y, fontSize, spaceAfter));
            word.setLength(0);
        }
    }

    // the same white space as DocumentLines: office suites write NBSP between words
    private static boolean isSpace(String unicode) {
        for (int i = 0; i < unicode.length(); i++) {
            char c = unicode.charAt(i);
            if (!Character.isWhitespace(c) && c != '\u00A0' && c != '\u2007' && c != '\u202F') {
                return false;
            }
        }
        return true;
    }

    /** The extracted text and, per page in page order, the words in content-stream order. */
    record PdfContent(String text, List<List<Word>> pages) {
    }
}
