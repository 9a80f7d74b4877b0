package dk.amu.catalogue.ingest.document;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.encryption.AccessPermission;
import org.apache.pdfbox.pdmodel.encryption.StandardProtectionPolicy;
import org.apache.pdfbox.pdmodel.graphics.image.LosslessFactory;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;

import dk.amu.catalogue.ingest.document.TablePdf.Style;

/** Table PDFs that must make the whole document fail, with a message naming the page and the course. */
class FkbDocumentParserPdfRejectionTests {

    private static final Fixtures FIXTURE = Fixtures.VIDEN_OG_FORRETNINGSSERVICE;

    private final FkbDocumentParser parser = new FkbDocumentParser();

    @Test
    void shouldRejectAnImpossibleDateNamingThePageAndTheCourse() throws Exception {
        byte[] pdf = tableWith("47299", List.of("47299 Skriftlig kommunikation - sprog og sprogbrug", "AD", "2,0",
                "19-12-2024 til 31-02-2025"));

        DocumentRejectedException rejection = reject(pdf);

        int page = pageOf(pdf, "47299");
        assertThat(rejection).hasMessage("page " + page + ": impossible date 31-02-2025 for course 47299");
        assertThat(rejection.pageNumber()).hasValue(page);
        assertThat(rejection.lineNumber()).isEmpty();
    }

    @Test
    void shouldRejectAnEndDateBeforeTheStartDate() throws Exception {
        byte[] pdf = tableWith("47299", List.of("47299 Skriftlig kommunikation", "AD", "2,0",
                "19-12-2024 til 18-12-2024"));

        assertThat(reject(pdf)).hasMessage("page " + pageOf(pdf, "47299")
                + ": end date 18-12-2024 is before start date 19-12-2024 for course 47299");
    }

    @Test
    void shouldRejectAnUnknownPeriodPhrase() throws Exception {
        byte[] pdf = tableWith("47299", List.of("47299 Skriftlig kommunikation", "AD", "2,0",
                "19-12-2024 indtil videre"));

        assertThat(reject(pdf)).hasMessageStartingWith("page " + pageOf(pdf, "47299")
                + ": unknown period phrase '19-12-2024 indtil videre' for course 47299");
    }

    @Test
    void shouldRejectAnUnreadableEuuCode() throws Exception {
        byte[] pdf = tableWith("47299", List.of("47299 Skriftlig kommunikation", "A", "2,0",
                "19-12-2024 og fremefter"));

        assertThat(reject(pdf)).hasMessageStartingWith("page " + pageOf(pdf, "47299")
                + ": cannot read the EUU code 'A' for course 47299");
    }

    @Test
    void shouldRejectARowWithoutPeriod() throws Exception {
        byte[] pdf = tableWith("47299", List.of("47299 Skriftlig kommunikation", "AD", "2,0", ""));

        assertThat(reject(pdf)).hasMessageStartingWith("page " + pageOf(pdf, "47299")
                + ": row for course 47299 has no linking period");
    }

    @Test
    void shouldRejectACourseNumberOfFourDigits() throws Exception {
        byte[] pdf = tableWith("47299", List.of("4729 Skriftlig kommunikation", "AD", "2,0",
                "19-12-2024 og fremefter"));

        assertThat(reject(pdf)).hasMessage("page " + pageOf(pdf, "4729 Skriftlig")
                + ": course number '4729' is not five digits");
    }

    @Test
    void shouldRejectTheSameCourseTwiceWithDifferentDataNamingBothPages() throws Exception {
        List<List<String>> rows = new ArrayList<>(rows());
        rows.add(List.of("47299 Skriftlig kommunikation - sprog og sprogbrug", "AD", "2,0", "19-12-2024 og fremefter"));
        byte[] pdf = render(rows);

        assertThat(reject(pdf)).hasMessage("page " + lastPage(pdf)
                + ": course 47299 appears twice with different period (first at page " + pageOf(pdf, "47299") + ")");
    }

    @Test
    void shouldRejectATableWithoutRows() {
        byte[] pdf = render(List.of());

        assertThat(reject(pdf)).hasMessageMatching("page \\d+: the table 'Aktuelt tilkoblede mål' has no rows");
    }

    @Test
    void shouldRejectAPasswordProtectedPdfSayingItIsEncrypted() throws Exception {
        assertThat(reject(encrypted("secret"))).hasMessageStartingWith("the PDF is encrypted");
    }

    @Test
    void shouldRejectAPdfEncryptedWithOnlyAnOwnerPasswordSayingItIsEncrypted() throws Exception {
        assertThat(reject(encrypted(""))).hasMessageStartingWith("the PDF is encrypted");
    }

    @Test
    void shouldRejectAScanWithoutTextLayerSayingSo() throws Exception {
        DocumentRejectedException rejection = reject(scan());

        assertThat(rejection).hasMessageContaining("no extractable text").hasMessageContaining("no text layer");
    }

    @Test
    void shouldRejectATruncatedTablePdf() {
        byte[] pdf = Fixtures.OFFENTLIG_FORVALTNING.tablePdf();

        assertThat(reject(Arrays.copyOf(pdf, pdf.length * 2 / 3)))
                .hasMessage("the PDF could not be read: it is truncated (no %%EOF at the end)");
    }

    private static List<List<String>> rows() {
        return FIXTURE.expectedLinks().stream().map(TablePdf::cells).toList();
    }

    private static byte[] tableWith(String courseNumber, List<String> cells) {
        return render(rows().stream().map(row -> row.get(0).startsWith(courseNumber + " ") ? cells : row).toList());
    }

    private static byte[] render(List<List<String>> rows) {
        List<String> description = FIXTURE.text().lines().limit(20).toList();
        return TablePdf.renderCells(description, rows, Style.officeSuite());
    }

    private static byte[] encrypted(String userPassword) throws Exception {
        try (PDDocument document = Loader.loadPDF(render(rows())); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            StandardProtectionPolicy policy = new StandardProtectionPolicy("owner", userPassword, new AccessPermission());
            policy.setEncryptionKeyLength(128);
            document.protect(policy);
            document.save(out);
            return out.toByteArray();
        }
    }

    private static byte[] scan() throws Exception {
        BufferedImage image = new BufferedImage(200, 280, BufferedImage.TYPE_BYTE_GRAY);
        try (PDDocument document = new PDDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            for (int i = 0; i < 2; i++) {
                PDPage page = new PDPage(PDRectangle.A4);
                document.addPage(page);
                PDImageXObject scanned = LosslessFactory.createFromImage(document, image);
                try (PDPageContentStream content = new PDPageContentStream(document, page)) {
                    content.drawImage(scanned, 0, 0, PDRectangle.A4.getWidth(), PDRectangle.A4.getHeight());
                }
            }
            document.save(out);
            return out.toByteArray();
        }
    }

    /** The 1-based page whose text contains {@code text}. */
    private static int pageOf(byte[] pdf, String text) throws Exception {
        try (PDDocument document = Loader.loadPDF(pdf)) {
            PDFTextStripper stripper = new PDFTextStripper();
            for (int page = 1; page <= document.getNumberOfPages(); page++) {
                stripper.setStartPage(page);
                stripper.setEndPage(page);
                if (stripper.getText(document).contains(text)) {
                    return page;
                }
            }
        }
        throw new IllegalArgumentException("no page contains " + text);
    }

    private static int lastPage(byte[] pdf) throws Exception {
        try (PDDocument document = Loader.loadPDF(pdf)) {
            return document.getNumberOfPages();
        }
    }

    private DocumentRejectedException reject(byte[] pdf) {
        return catchThrowableOfType(DocumentRejectedException.class, () -> parser.parse(pdf, "fkb.pdf"));
    }
}
