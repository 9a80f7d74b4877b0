package dk.amu.catalogue.ingest.document;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

import org.junit.jupiter.api.Test;

/** Files that are not a readable FKB document at all. */
class FkbDocumentParserFileRejectionTests {

    private final FkbDocumentParser parser = new FkbDocumentParser();
    private final String fixture = Fixtures.VIDEN_OG_FORRETNINGSSERVICE.text();

    @Test
    void shouldRejectAnEmptyFile() {
        assertThat(reject(new byte[0], "empty.txt")).hasMessage("the file is empty");
    }

    @Test
    void shouldRejectAFileOfOnlyWhiteSpace() {
        assertThat(reject(" \r\n\u00A0\n".getBytes(StandardCharsets.UTF_8), "blank.txt"))
                .hasMessage("the file contains only white space");
    }

    @Test
    void shouldRejectBinaryGarbage() {
        byte[] garbage = new byte[4096];
        for (int i = 0; i < garbage.length; i++) {
            garbage[i] = (byte) (i * 31 + i / 7);
        }

        assertThat(reject(garbage, "upload.bin")).hasMessageContaining("neither a PDF nor readable text");
    }

    @Test
    void shouldRejectValidUtf8WithControlCharacters() {
        byte[] content = ("Aktuelt tilkoblede mål\n\u0000\u0001\u0002").getBytes(StandardCharsets.UTF_8);

        DocumentRejectedException rejection = reject(content, "upload.txt");

        assertThat(rejection).hasMessage("line 2: control character U+0000 found; the file looks binary, "
                + "not like an FKB document");
        assertThat(rejection.lineNumber()).hasValue(2);
    }

    @Test
    void shouldRejectUtf8ThatWasDoubleEncoded() {
        String garbled = new String(fixture.getBytes(StandardCharsets.UTF_8), Charset.forName("windows-1252"));

        assertThat(reject(garbled.getBytes(StandardCharsets.UTF_8), "viden.txt"))
                .hasMessageStartingWith("line 1: garbled text 'Ã¥'")
                .hasMessageContaining("double-encoded");
    }

    @Test
    void shouldRejectReplacementCharactersLeftByALossyConversion() {
        String lossy = fixture.replace("Økonomisk styring af lageret", "\uFFFDkonomisk styring af lageret");
        int line = FkbDocumentParserRejectionTests.lineOf(fixture, "20974 Økonomisk styring");

        assertThat(reject(lossy.getBytes(StandardCharsets.UTF_8), "viden.txt"))
                .hasMessageStartingWith("line " + line + ": the text contains a replacement character");
    }

    @Test
    void shouldRejectEightBitTextThatDoesNotReadAsDanish() {
        byte[] content = "Aktuelt tilkoblede m\u00ECl\n20925 Caf\u00E9 AD 2,0 19-12-2024 og fremefter"
                .getBytes(StandardCharsets.ISO_8859_1);

        assertThat(reject(content, "viden.txt")).hasMessageContaining("not UTF-8, and not Danish Windows-1252 text");
    }

    @Test
    void shouldRejectABrokenPdf() {
        byte[] content = "%PDF-1.7\n1 0 obj << /Type /Catalog >> garbage\n%%EOF\n".getBytes(StandardCharsets.US_ASCII);

        assertThat(reject(content, "fkb.pdf")).hasMessageStartingWith("the PDF could not be read");
    }

    @Test
    void shouldRejectATruncatedPdfInsteadOfReadingTheSurvivingPages() {
        byte[] pdf = FixturePdf.render(fixture.lines().toList());

        assertThat(reject(Arrays.copyOf(pdf, pdf.length * 2 / 3), "fkb.pdf"))
                .hasMessage("the PDF could not be read: it is truncated (no %%EOF at the end)");
    }

    @Test
    void shouldRejectAFileNamedPdfThatIsNotAPdf() {
        assertThat(reject(fixture.getBytes(StandardCharsets.UTF_8), "fkb.pdf"))
                .hasMessage("the PDF could not be read: the file does not start with %PDF-");
    }

    @Test
    void shouldRejectAPdfWithoutText() {
        byte[] pdf = FixturePdf.render(java.util.List.of());

        assertThat(reject(pdf, "scan.pdf")).hasMessageContaining("no extractable text");
    }

    @Test
    void shouldRejectADocumentWithoutTheTable() {
        String withoutTable = fixture.substring(0, fixture.indexOf(" Aktuelt tilkoblede mål"));

        assertThat(reject(withoutTable.getBytes(StandardCharsets.UTF_8), "viden.txt"))
                .hasMessageContaining("no table 'Aktuelt tilkoblede mål'");
    }

    @Test
    void shouldRejectATableHeadingWithoutRows() {
        String withoutRows = fixture.substring(0, fixture.indexOf("20925 Kommunikation"));
        int heading = FkbDocumentParserRejectionTests.lineOf(fixture, "Aktuelt tilkoblede mål");

        DocumentRejectedException rejection = reject(withoutRows.getBytes(StandardCharsets.UTF_8), "viden.txt");

        assertThat(rejection).hasMessage("line " + heading + ": the table 'Aktuelt tilkoblede mål' has no rows");
    }

    private DocumentRejectedException reject(byte[] content, String fileName) {
        return catchThrowableOfType(DocumentRejectedException.class, () -> parser.parse(content, fileName));
    }
}
