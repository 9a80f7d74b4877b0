package dk.amu.catalogue.ingest.document;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import dk.amu.catalogue.ingest.document.FkbDocument.ReadingMethod;

/** Text whose long lines wrapped, as when a text is printed to PDF at the page's width, or a table's text is copied. */
class FkbDocumentParserWrappedTextTests {

    private final FkbDocumentParser parser = new FkbDocumentParser();

    static Stream<Arguments> widths() {
        return Stream.of(Fixtures.values()).flatMap(fixture -> Stream.of(66, 72, 80, 90)
                .map(width -> Arguments.of(fixture, width)));
    }

    @ParameterizedTest(name = "{0} wrapped at {1} characters")
    @MethodSource("widths")
    void shouldJoinRowsWrappedAtThePageWidth(Fixtures fixture, int width) {
        String wrapped = wrap(fixture.text(), width);

        assertSameAsFixture(fixture, parser.parse(wrapped.getBytes(StandardCharsets.UTF_8), fixture.fileName()));
    }

    @ParameterizedTest(name = "{0} wrapped at {1} characters")
    @MethodSource("widths")
    void shouldJoinRowsWrappedAtThePageWidthOfAPdf(Fixtures fixture, int width) {
        byte[] pdf = FixturePdf.render(wrap(fixture.text(), width).lines().toList());

        FkbDocument document = parser.parse(pdf, "fkb.pdf");

        assertSameAsFixture(fixture, document);
        assertThat(document.reading().method()).isEqualTo(ReadingMethod.PDF_TEXT);
    }

    @Test
    void shouldJoinAPeriodThatContinuesOnTheNextLine() {
        String text = Fixtures.VIDEN_OG_FORRETNINGSSERVICE.text().replace(
                "20996 Digitale kompetencer til online undervisning AL 1,0 20-12-2024 og fremefter",
                "20996 Digitale kompetencer til online undervisning AL 1,0 20-12-2024 og\nfremefter");

        assertSameAsFixture(Fixtures.VIDEN_OG_FORRETNINGSSERVICE,
                parser.parse(text.getBytes(StandardCharsets.UTF_8), "viden.txt"));
    }

    @Test
    void shouldJoinATitleThatContinuesBesideTheRestOfThePeriod() {
        String text = Fixtures.VIDEN_OG_FORRETNINGSSERVICE.text().replace(
                "20996 Digitale kompetencer til online undervisning AL 1,0 20-12-2024 og fremefter",
                "20996 Digitale kompetencer til online AL 1,0 20-12-2024 og\nundervisning fremefter");

        assertSameAsFixture(Fixtures.VIDEN_OG_FORRETNINGSSERVICE,
                parser.parse(text.getBytes(StandardCharsets.UTF_8), "viden.txt"));
    }

    @Test
    void shouldJoinAnEndDateOnTheNextLine() {
        String text = Fixtures.VIDEN_OG_FORRETNINGSSERVICE.text().replace(
                "47299 Skriftlig kommunikation - sprog og sprogbrug AD 2,0 19-12-2024 til 30-06-2025",
                "47299 Skriftlig kommunikation - sprog og sprogbrug AD 2,0 19-12-2024\n\ntil 30-06-2025");

        assertSameAsFixture(Fixtures.VIDEN_OG_FORRETNINGSSERVICE,
                parser.parse(text.getBytes(StandardCharsets.UTF_8), "viden.txt"));
    }

    @Test
    void shouldStillRejectAPeriodThatNoLineCompletes() {
        String fixture = Fixtures.VIDEN_OG_FORRETNINGSSERVICE.text();
        String text = fixture.replace(
                "20996 Digitale kompetencer til online undervisning AL 1,0 20-12-2024 og fremefter",
                "20996 Digitale kompetencer til online undervisning AL 1,0 20-12-2024 og");
        int line = FkbDocumentParserRejectionTests.lineOf(fixture, "20996 Digitale");

        assertThat(catchThrowableOfType(DocumentRejectedException.class,
                () -> parser.parse(text.getBytes(StandardCharsets.UTF_8), "viden.txt")))
                .hasMessageStartingWith("line " + line + ": unknown period phrase '20-12-2024 og' for course 20996");
    }

    @Test
    void shouldReadTheExtractedTextOfTheTablePdfAsText() throws Exception {
        String text;
        try (PDDocument pdf = Loader.loadPDF(Fixtures.OFFENTLIG_FORVALTNING.tablePdf())) {
            text = new PDFTextStripper().getText(pdf);
        }

        assertSameAsFixture(Fixtures.OFFENTLIG_FORVALTNING,
                parser.parse(text.getBytes(StandardCharsets.UTF_8), "offentlig.txt"));
    }

    private static void assertSameAsFixture(Fixtures fixture, FkbDocument document) {
        assertThat(ExpectedRow.of(document.links()))
                .containsExactlyElementsOf(ExpectedRow.of(fixture.expectedLinks()));
        assertThat(document.competences()).containsExactlyElementsOf(fixture.competences());
    }

    /** Greedy word wrap of every line longer than {@code width}, as a word processor prints it. */
    static String wrap(String text, int width) {
        return text.lines().map(line -> String.join("\n", wrapLine(line.strip(), width)))
                .collect(Collectors.joining("\n"));
    }

    private static List<String> wrapLine(String line, int width) {
        List<String> lines = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        for (String word : line.split("\\s+")) {
            if (current.length() > 0 && current.length() + 1 + word.length() > width) {
                lines.add(current.toString());
                current.setLength(0);
            }
            current.append(current.length() == 0 ? "" : " ").append(word);
        }
        lines.add(current.toString());
        return lines;
    }
}
