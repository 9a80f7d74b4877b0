package dk.amu.catalogue.ingest.document;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import dk.amu.catalogue.ingest.document.FkbDocument.Reading;
import dk.amu.catalogue.ingest.document.FkbDocument.ReadingMethod;

/** The published PDF of an FKB document, its table a real table, read by its layout. */
class FkbDocumentParserTablePdfTests {

    private final FkbDocumentParser parser = new FkbDocumentParser();

    @Test
    void shouldReadTheOfficeSuiteTablePdfToTheFixtureRows() {
        FkbDocument document = parser.parse(Fixtures.OFFENTLIG_FORVALTNING.tablePdf(), "offentlig.pdf");

        assertThat(ExpectedRow.of(document.links()))
                .containsExactlyElementsOf(ExpectedRow.of(Fixtures.OFFENTLIG_FORVALTNING.expectedLinks()));
    }

    @Test
    void shouldReadTheCompetencesFromTheDescriptionParagraphsOfTheTablePdf() {
        FkbDocument document = parser.parse(Fixtures.OFFENTLIG_FORVALTNING.tablePdf(), "offentlig.pdf");

        assertThat(document.competences()).containsExactlyElementsOf(Fixtures.OFFENTLIG_FORVALTNING.competences());
        assertThat(document.title()).isNull();
    }

    @ParameterizedTest(name = "{0}.{1}.pdf")
    @CsvSource({
            "OFFENTLIG_FORVALTNING, libreoffice-mono, PDF_TABLE_LAYOUT",
            "OFFENTLIG_FORVALTNING, libreoffice-plain-text, PDF_TEXT",
            "VIDEN_OG_FORRETNINGSSERVICE, libreoffice-sans, PDF_TABLE_LAYOUT",
            "VIDEN_OG_FORRETNINGSSERVICE, libreoffice-landscape, PDF_TABLE_LAYOUT"})
    void shouldReadPdfsMadeByLibreOfficeToTheFixtureRows(Fixtures fixture, String variant, ReadingMethod method) {
        FkbDocument document = parser.parse(fixture.pdf(variant), fixture.name() + ".pdf");

        assertThat(ExpectedRow.of(document.links())).containsExactlyElementsOf(ExpectedRow.of(fixture.expectedLinks()));
        assertThat(document.competences()).containsExactlyElementsOf(fixture.competences());
        assertThat(document.reading().method()).isEqualTo(method);
    }

    @Test
    void shouldSayThatTheTablePdfWasReadByItsLayout() {
        FkbDocument document = parser.parse(Fixtures.OFFENTLIG_FORVALTNING.tablePdf(), "offentlig.pdf");

        assertThat(document.reading()).isEqualTo(new Reading(ReadingMethod.PDF_TABLE_LAYOUT, 20, 113));
    }
}
