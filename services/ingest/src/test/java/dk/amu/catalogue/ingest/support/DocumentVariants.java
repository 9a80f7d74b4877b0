package dk.amu.catalogue.ingest.support;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.UUID;
import java.util.regex.Pattern;
import java.util.stream.IntStream;

import dk.amu.catalogue.testkit.FixtureDocuments;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;

/** Fixture variants the integration tests share, beyond the row edits of {@link FixtureDocuments}. */
public final class DocumentVariants {

    private static final Pattern ROW = Pattern.compile("\\s*(\\d{5}) .*");

    private DocumentVariants() {
    }

    /**
     * The viden fixture with every link open-ended. The broker is shared by the whole run and the
     * expiry clock looks at every FKB on it, so a test that does not test expiry must not leave a
     * link behind that another test's expiry run would expire.
     */
    public static String videnOpenEnded() {
        return FixtureDocuments.viden().replace(" til 30-06-2025", " og fremefter");
    }

    /** An FKB code no other test uses. */
    public static String uniqueFkb(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    /** The course numbers of the table rows, in document order. */
    public static List<String> courseNumbers(String document) {
        return document.lines().map(ROW::matcher).filter(m -> m.matches()).map(m -> m.group(1)).toList();
    }

    /** The 1-based number of the first line that starts with the prefix (after leading blanks). */
    public static int lineOf(String document, String prefix) {
        var lines = document.lines().toList();
        return IntStream.range(0, lines.size())
                .filter(i -> lines.get(i).strip().startsWith(prefix))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no line starts with " + prefix)) + 1;
    }

    /** The text's non-blank lines on one A4 page of a real PDF, written by PDFBox. */
    public static byte[] pdf(List<String> lines) {
        var font = new PDType1Font(Standard14Fonts.FontName.HELVETICA);
        try (var document = new PDDocument(); var out = new ByteArrayOutputStream()) {
            var page = new PDPage(PDRectangle.A4);
            document.addPage(page);
            try (var content = new PDPageContentStream(document, page)) {
                float y = page.getMediaBox().getHeight() - 40;
                for (var line : lines.stream().filter(l -> !l.isBlank()).map(String::strip).toList()) {
                    content.beginText();
                    content.setFont(font, 8);
                    content.newLineAtOffset(40, y);
                    content.showText(line);
                    content.endText();
                    y -= 14;
                }
            }
            document.save(out);
            return out.toByteArray();
        }
        catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }
}
