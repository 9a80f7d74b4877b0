package dk.amu.catalogue.ingest.document;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;

/** Text extraction for the published PDF form of an FKB document. */
final class PdfText {

    private static final byte[] MAGIC = "%PDF-".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] END_MARKER = "%%EOF".getBytes(StandardCharsets.US_ASCII);
    // writers may append a little after the end marker; PDFBox itself looks this far back
    private static final int END_MARKER_WINDOW = 1024;

    private PdfText() {
    }

    static boolean isPdf(byte[] content) {
        return content.length >= MAGIC.length && Arrays.equals(content, 0, MAGIC.length, MAGIC, 0, MAGIC.length);
    }

    static String extract(byte[] content) {
        if (!hasEndMarker(content)) {
            // PDFBox repairs a truncated file silently; its surviving pages would yield a table
            // without its last rows, which the diff would take for unlinked courses
            throw new DocumentRejectedException("the PDF could not be read: it is truncated (no %%EOF at the end)");
        }
        String text;
        try (PDDocument document = Loader.loadPDF(content)) {
            // a new stripper per call: PDFTextStripper keeps state and is not thread-safe
            text = new PDFTextStripper().getText(document);
        } catch (IOException | RuntimeException e) {
            throw new DocumentRejectedException("the PDF could not be read (" + describe(e) + ")", e);
        }
        if (text.isBlank()) {
            throw new DocumentRejectedException(
                    "the PDF contains no extractable text; a scanned document cannot be ingested");
        }
        return text;
    }

    private static boolean hasEndMarker(byte[] content) {
        int from = Math.max(0, content.length - END_MARKER_WINDOW);
        for (int i = content.length - END_MARKER.length; i >= from; i--) {
            if (Arrays.equals(content, i, i + END_MARKER.length, END_MARKER, 0, END_MARKER.length)) {
                return true;
            }
        }
        return false;
    }

    private static String describe(Exception e) {
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    }
}
