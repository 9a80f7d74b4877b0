package dk.amu.catalogue.ingest.document;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDResources;
import org.apache.pdfbox.pdmodel.encryption.InvalidPasswordException;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;

/** Text and word positions of the published PDF form of an FKB document. */
final class PdfText {

    private static final byte[] MAGIC = "%PDF-".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] END_MARKER = "%%EOF".getBytes(StandardCharsets.US_ASCII);
    // writers may append a little after the end marker; PDFBox itself looks this far back
    private static final int END_MARKER_WINDOW = 1024;
    private static final String ENCRYPTED = "the PDF is encrypted; ingest an unprotected copy of the document "
            + "(saved or exported again without a password or restrictions)";

    private PdfText() {
    }

    static boolean isPdf(byte[] content) {
        return content.length >= MAGIC.length && Arrays.equals(content, 0, MAGIC.length, MAGIC, 0, MAGIC.length);
    }

    static PdfLayout.PdfContent extract(byte[] content) {
        if (!hasEndMarker(content)) {
            // PDFBox repairs a truncated file silently; its surviving pages would yield a table
            // without its last rows, which the diff would take for unlinked courses
            throw new DocumentRejectedException("the PDF could not be read: it is truncated (no %%EOF at the end)");
        }
        PdfLayout.PdfContent read;
        boolean images;
        try (PDDocument document = Loader.loadPDF(content)) {
            // an owner password alone opens the file, but what it protects is not ours to take apart
            if (document.isEncrypted()) {
                throw new DocumentRejectedException(ENCRYPTED);
            }
            read = PdfLayout.read(document);
            images = read.text().isBlank() && hasImages(document);
        } catch (DocumentRejectedException e) {
            throw e;
        } catch (InvalidPasswordException e) {
            throw new DocumentRejectedException(ENCRYPTED, e);
        } catch (IOException | RuntimeException e) {
            throw new DocumentRejectedException("the PDF could not be read (" + describe(e) + ")", e);
        }
        if (images) {
            throw new DocumentRejectedException("the PDF contains no extractable text, only images: it has no "
                    + "text layer, like a scan; a scanned document cannot be ingested, use the PDF as published");
        }
        if (read.text().isBlank()) {
            throw new DocumentRejectedException(
                    "the PDF contains no extractable text; a scanned document cannot be ingested");
        }
        return read;
    }

    private static boolean hasImages(PDDocument document) throws IOException {
        for (PDPage page : document.getPages()) {
            PDResources resources = page.getResources();
            if (resources == null) {
                continue;
            }
            for (COSName name : resources.getXObjectNames()) {
                if (resources.getXObject(name) instanceof PDImageXObject) {
                    return true;
                }
            }
        }
        return false;
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
