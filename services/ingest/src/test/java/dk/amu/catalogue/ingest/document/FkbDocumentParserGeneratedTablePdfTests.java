package dk.amu.catalogue.ingest.document;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.util.List;
import java.util.stream.Stream;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.PDPageContentStream.AppendMode;
import org.apache.pdfbox.util.Matrix;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts.FontName;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.pdfbox.text.TextPosition;
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

    @ParameterizedTest(name = "{0}")
    @MethodSource("fixtures")
    void shouldReadLandscapePagesMadeByRotatingPortraitOnes(Fixtures fixture) throws Exception {
        byte[] pdf = rotated(TablePdf.render(fixture, Style.officeSuite().landscape()));
        assertThat(textDirection(pdf)).isNotZero();

        FkbDocument document = parser.parse(pdf, "fkb.pdf");

        assertThat(ExpectedRow.of(document.links()))
                .containsExactlyElementsOf(ExpectedRow.of(fixture.expectedLinks()));
        assertThat(document.reading().method()).isEqualTo(ReadingMethod.PDF_TABLE_LAYOUT);
    }

    /** The direction, in degrees, of the first glyph's text on the page. */
    private static float textDirection(byte[] pdf) throws Exception {
        float[] direction = new float[1];
        try (PDDocument document = Loader.loadPDF(pdf)) {
            PDFTextStripper stripper = new PDFTextStripper() {
                @Override
                protected void writeString(String text, List<TextPosition> positions) {
                    direction[0] = positions.get(0).getDir();
                }
            };
            stripper.setEndPage(1);
            stripper.getText(document);
        }
        return direction[0];
    }

    static Stream<Fixtures> fixtures() {
        return Stream.of(Fixtures.values());
    }

    /**
     * Each landscape page as some tools make one: a portrait page marked /Rotate 90 whose content is
     * drawn turned a quarter, so it reads upright when shown; its text runs bottom to top on the page.
     */
    private static byte[] rotated(byte[] landscape) throws Exception {
        try (PDDocument document = Loader.loadPDF(landscape); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            for (PDPage page : document.getPages()) {
                PDRectangle box = page.getMediaBox();
                page.setMediaBox(new PDRectangle(box.getHeight(), box.getWidth()));
                page.setRotation(90);
                try (PDPageContentStream before = new PDPageContentStream(document, page, AppendMode.PREPEND, false)) {
                    before.saveGraphicsState();
                    before.transform(new Matrix(0, 1, -1, 0, box.getHeight(), 0));
                }
                try (PDPageContentStream after = new PDPageContentStream(document, page, AppendMode.APPEND, false)) {
                    after.restoreGraphicsState();
                }
            }
            document.save(out);
            return out.toByteArray();
        }
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
