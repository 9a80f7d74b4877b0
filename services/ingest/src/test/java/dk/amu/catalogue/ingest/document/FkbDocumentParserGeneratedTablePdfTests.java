package dk.amu.catalogue.ingest.document;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.stream.Stream;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts.FontName;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import dk.amu.catalogue.ingest.document.FkbDocument.ReadingMethod;
import dk.amu.catalogue.ingest.document.TablePdf.Style;

/**
 * Table PDFs laid out in many ways, as office suites and their users do: every one must give the
 * fixture's rows, competences and title, read by the table's layout.
 */
class FkbDocumentParserGeneratedTablePdfTests {

    private static final String RUNNING = "Fælles kompetencebeskrivelse - offentlig forvaltning og sagsbehandling";

    private final FkbDocumentParser parser = new FkbDocumentParser();

    static Stream<Arguments> layouts() {
        Style office = Style.officeSuite();
        List<Named<Style>> styles = List.of(
                Named.of("A4 portrait, Helvetica 10, centred cells, wrapped header, split rows", office),
                Named.of("A4 landscape, Times 11, one-line header, rows kept whole, 'Side n af m' footer",
                        office.landscape().with(FontName.TIMES_ROMAN, 11)
                                .withHeader(Style.ONE_LINE_HEADER, true)
                                .withCells(false, false, 4).withMargins("Side %d af %d", null)),
                Named.of("Letter, Courier 9, narrow title column, wrapped periods, bare page numbers",
                        office.with(PDRectangle.LETTER).with(FontName.COURIER, 9)
                                .withWidths(0.40f, 0.08f, 0.20f, 0.32f).withMargins("%d", null)),
                Named.of("A4, Helvetica 8, header only on the first page, running header and footer, tight cells",
                        office.with(FontName.HELVETICA, 8).withHeader(Style.WRAPPED_HEADER, false)
                                .withCells(false, true, 1).withMargins("Side %d af %d", RUNNING)),
                Named.of("A4, Times 10, wide title column, centred cells, 'Page n of m', running header",
                        office.with(FontName.TIMES_ROMAN, 10).withWidths(0.62f, 0.07f, 0.13f, 0.18f)
                                .withMargins("Page %d of %d", RUNNING)),
                Named.of("Letter landscape, Helvetica 12, very narrow period column, 'n / m' footer",
                        office.with(PDRectangle.LETTER).landscape().with(FontName.HELVETICA, 12)
                                .withWidths(0.55f, 0.08f, 0.22f, 0.15f).withMargins("%d / %d", null)),
                Named.of("A4, Helvetica-Bold 10, left-aligned one-line header, split rows top-aligned",
                        office.with(FontName.HELVETICA_BOLD, 10).withHeader(Style.ONE_LINE_HEADER, true)
                                .withCells(false, true, 3)));
        return Stream.of(Fixtures.values())
                .flatMap(fixture -> styles.stream().map(style -> Arguments.of(fixture, style)));
    }

    @ParameterizedTest(name = "{0}: {1}")
    @MethodSource("layouts")
    void shouldReadEveryLayoutOfTheTableToTheFixtureRows(Fixtures fixture, Style style) {
        FkbDocument document = parser.parse(TablePdf.render(fixture, style), "fkb.pdf");

        assertThat(ExpectedRow.of(document.links()))
                .containsExactlyElementsOf(ExpectedRow.of(fixture.expectedLinks()));
        assertThat(document.reading().method()).isEqualTo(ReadingMethod.PDF_TABLE_LAYOUT);
    }

    @ParameterizedTest(name = "{0}: {1}")
    @MethodSource("layouts")
    void shouldReadTheDescriptionOfEveryLayoutLikeTheText(Fixtures fixture, Style style) {
        FkbDocument document = parser.parse(TablePdf.render(fixture, style), "fkb.pdf");
        FkbDocument text = parser.parse(fixture.bytes(), fixture.fileName());

        assertThat(document.competences()).containsExactlyElementsOf(fixture.competences());
        assertThat(document.title()).isEqualTo(text.title());
    }

    @Test
    void shouldSplitRowsAndWrapCellsInTheOfficeSuiteLayout() throws Exception {
        byte[] pdf = TablePdf.render(Fixtures.VIDEN_OG_FORRETNINGSSERVICE, Style.officeSuite());

        try (PDDocument document = Loader.loadPDF(pdf)) {
            assertThat(document.getNumberOfPages()).isGreaterThan(10);
            assertThat(new PDFTextStripper().getText(document).lines().map(String::strip))
                    .contains("fremefter", "perioden");
        }
    }
}
