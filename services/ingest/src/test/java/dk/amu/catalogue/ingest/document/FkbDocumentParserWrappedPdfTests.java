package dk.amu.catalogue.ingest.document;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.function.BiPredicate;
import java.util.regex.Pattern;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts.FontName;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import dk.amu.catalogue.ingest.document.FkbDocument.ReadingMethod;
import dk.amu.catalogue.ingest.support.WrappedPdf;
import dk.amu.catalogue.ingest.support.WrappedPdf.Layout;

/**
 * A text document printed to PDF at a font so large that its long rows wrap at the page width: inside
 * a title, between duration and period, inside a date, before "fremefter" or before the year of an
 * end date. The table has no columns to read, so the rows are joined from the extracted text.
 */
class FkbDocumentParserWrappedPdfTests {

    /** Fonts, sizes and margins that wrap the rows at different places; none is the fixture's. */
    static final List<Layout> LAYOUTS = List.of(
            new Layout(FontName.HELVETICA, 13, 60),
            new Layout(FontName.HELVETICA, 14, 50),
            new Layout(FontName.TIMES_ROMAN, 17, 40),
            new Layout(FontName.TIMES_BOLD, 15, 45),
            new Layout(FontName.COURIER, 12, 60),
            new Layout(FontName.COURIER, 13, 40),
            new Layout(FontName.HELVETICA_BOLD, 15, 36),
            new Layout(FontName.COURIER, 16, 50),
            new Layout(FontName.HELVETICA, 20, 40));

    private final FkbDocumentParser parser = new FkbDocumentParser();

    static Stream<Arguments> layouts() {
        return Stream.of(Fixtures.values()).flatMap(fixture -> LAYOUTS.stream().map(layout -> Arguments.of(fixture, layout)));
    }

    @Test
    void shouldReadTheWrappedFixturePdfToTheFixtureRowsAndCompetences() {
        FkbDocument document = parser.parse(Fixtures.VIDEN_OG_FORRETNINGSSERVICE.pdf("wrapped"), "viden.pdf");

        assertSameAsFixture(Fixtures.VIDEN_OG_FORRETNINGSSERVICE, document);
        assertThat(document.reading().method()).isEqualTo(ReadingMethod.PDF_TEXT);
        assertThat(document.title()).isEqualTo("Viden- og forretningsservice");
    }

    @ParameterizedTest(name = "{0} printed in {1}")
    @MethodSource("layouts")
    void shouldReadAGeneratedWrappedPdfToTheFixtureRowsAndCompetences(Fixtures fixture, Layout layout) {
        FkbDocument document = parser.parse(WrappedPdf.print(fixture.text(), layout), fixture.name() + ".pdf");

        assertSameAsFixture(fixture, document);
        assertThat(document.reading().method()).isEqualTo(ReadingMethod.PDF_TEXT);
    }

    @ParameterizedTest(name = "{0} printed in {1}")
    @MethodSource("layouts")
    void shouldWrapManyRowsInEveryGeneratedLayout(Fixtures fixture, Layout layout) {
        List<String> printed = WrappedPdf.lines(fixture.text(), layout);

        long wrappedRows = IntStream.range(1, printed.size())
                .filter(i -> ROW.matcher(printed.get(i - 1)).matches() && !ROW.matcher(printed.get(i)).matches()
                        && !printed.get(i).isEmpty())
                .count();
        assertThat(wrappedRows).isGreaterThan(fixture.expectedLinks().size() / 4);
    }

    /** Guards the generator: between them, the layouts wrap a row at every kind of place the parser must join. */
    @Test
    void shouldWrapRowsAtEveryKindOfPlaceAcrossTheLayouts() {
        List<List<String>> printed = LAYOUTS.stream()
                .flatMap(layout -> Stream.of(Fixtures.values()).map(fixture -> WrappedPdf.lines(fixture.text(), layout)))
                .toList();

        assertThat(anyBreak(printed, (line, next) -> line.matches(".* \\d{2}-") && next.matches("\\d{2}-\\d{4} .*")))
                .as("inside a start date").isTrue();
        assertThat(anyBreak(printed, (line, next) -> line.matches(".* \\d{2}-\\d{2}-") && next.matches("\\d{4} .*")))
                .as("before the year of a start date").isTrue();
        assertThat(anyBreak(printed, (line, next) -> line.endsWith(" til 30-06-") && next.equals("2025")))
                .as("before the year of an end date").isTrue();
        assertThat(anyBreak(printed, (line, next) -> line.endsWith(" og") && next.equals("fremefter")))
                .as("between og and fremefter").isTrue();
        assertThat(anyBreak(printed, (line, next) -> line.matches(".* [A-ZÆØÅ]{2} \\d+,\\d") && next.matches("\\d{2}-.*")))
                .as("between duration and period").isTrue();
        assertThat(anyBreak(printed, (line, next) -> ROW.matcher(line).matches() && line.matches("\\d{5} [^0-9]*")
                && next.matches("\\p{L}.* [A-ZÆØÅ]{2} \\d+,\\d .*"))).as("inside a title").isTrue();
        assertThat(anyBreak(printed, (line, next) -> line.matches(".*\\p{L}-") && next.matches("\\p{L}.*")))
                .as("after the hyphen of a word").isTrue();
    }

    @Test
    void shouldStillRejectAWrappedRowWithAnImpossibleDateOnTheLineWhereItsPeriodEnds() {
        String fixture = Fixtures.VIDEN_OG_FORRETNINGSSERVICE.text();
        String text = fixture.replace(
                "47299 Skriftlig kommunikation - sprog og sprogbrug AD 2,0 19-12-2024 til 30-06-2025",
                "47299 Skriftlig kommunikation - sprog\nog sprogbrug AD 2,0 19-\n12-2024 til 31-02-\n2025");
        int line = FkbDocumentParserRejectionTests.lineOf(fixture, "47299 Skriftlig") + 3;

        DocumentRejectedException rejection = catchThrowableOfType(DocumentRejectedException.class,
                () -> parser.parse(text.getBytes(StandardCharsets.UTF_8), "viden.txt"));

        assertThat(rejection).hasMessage("line " + line + ": impossible date 31-02-2025 for course 47299");
        assertThat(rejection.lineNumber()).hasValue(line);
    }

    @Test
    void shouldStillRejectTextAfterAWrappedRowThatIsNotARow() {
        String fixture = Fixtures.VIDEN_OG_FORRETNINGSSERVICE.text();
        String text = fixture.replace(
                "47299 Skriftlig kommunikation - sprog og sprogbrug AD 2,0 19-12-2024 til 30-06-2025",
                "47299 Skriftlig kommunikation - sprog og sprogbrug AD 2,0 19-12-2024 til 30-06-\n2025\n"
                        + "Bemærk: listen opdateres løbende");
        int line = FkbDocumentParserRejectionTests.lineOf(fixture, "47299 Skriftlig") + 2;

        assertThat(catchThrowableOfType(DocumentRejectedException.class,
                () -> parser.parse(text.getBytes(StandardCharsets.UTF_8), "viden.txt")))
                .hasMessage("line " + line + ": expected a table row starting with a five-digit course number, "
                        + "found 'Bemærk: listen opdateres løbende'");
    }

    @Test
    void shouldStillRejectAnImpossibleDateInAGeneratedWrappedPdfNamingTheLineOfTheExtractedText() throws Exception {
        String text = Fixtures.VIDEN_OG_FORRETNINGSSERVICE.text().replace("19-12-2024 til 30-06-2025",
                "19-12-2024 til 31-06-2025");
        byte[] pdf = WrappedPdf.print(text, LAYOUTS.get(0));
        List<String> extracted = extractedLines(pdf);

        DocumentRejectedException rejection = catchThrowableOfType(DocumentRejectedException.class,
                () -> parser.parse(pdf, "viden.pdf"));

        assertThat(rejection.reason()).isEqualTo("impossible date 31-06-2025 for course 47299");
        int line = rejection.lineNumber().orElseThrow();
        int rowStart = FkbDocumentParserRejectionTests.lineOf(String.join("\n", extracted), "47299 ");
        assertThat(line).isBetween(rowStart, rowStart + 2);
        assertThat(extracted.get(line - 1)).contains("2025");
    }

    private static boolean anyBreak(List<List<String>> documents, BiPredicate<String, String> where) {
        return documents.stream().anyMatch(lines -> IntStream.range(1, lines.size())
                .anyMatch(i -> where.test(lines.get(i - 1), lines.get(i))));
    }

    private static final Pattern ROW = Pattern.compile("\\d{5} .*");

    private static List<String> extractedLines(byte[] pdf) throws Exception {
        try (PDDocument document = Loader.loadPDF(pdf)) {
            return DocumentLines.of(new PDFTextStripper().getText(document)).lines();
        }
    }

    private static void assertSameAsFixture(Fixtures fixture, FkbDocument document) {
        assertThat(ExpectedRow.of(document.links()))
                .containsExactlyElementsOf(ExpectedRow.of(fixture.expectedLinks()));
        assertThat(document.competences()).containsExactlyElementsOf(fixture.competences());
    }
}
