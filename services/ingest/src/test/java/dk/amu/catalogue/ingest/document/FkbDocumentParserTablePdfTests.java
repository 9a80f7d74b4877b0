package dk.amu.catalogue.ingest.document;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

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

    @Test
    void shouldSayThatTheTablePdfWasReadByItsLayout() {
        FkbDocument document = parser.parse(Fixtures.OFFENTLIG_FORVALTNING.tablePdf(), "offentlig.pdf");

        assertThat(document.reading()).isEqualTo(new Reading(ReadingMethod.PDF_TABLE_LAYOUT, 20, 113));
    }
}
