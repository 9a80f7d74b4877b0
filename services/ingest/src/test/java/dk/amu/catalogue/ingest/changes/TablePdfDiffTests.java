package dk.amu.catalogue.ingest.changes;

import static dk.amu.catalogue.ingest.changes.Fixtures.RECORDED_AT;
import static dk.amu.catalogue.ingest.changes.Fixtures.origin;
import static dk.amu.catalogue.ingest.changes.Fixtures.sha;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import dk.amu.catalogue.events.v1.CatalogueEvent;
import dk.amu.catalogue.events.v1.CourseLinked;
import dk.amu.catalogue.events.v1.FkbRevised;
import dk.amu.catalogue.ingest.document.FkbDocument;
import dk.amu.catalogue.ingest.document.FkbDocumentParser;
import dk.amu.catalogue.ingest.support.ExpectedFixture;

/**
 * The published PDF of a document and its text are the same document: ingested one after the other
 * into one FKB, the second changes no link, and as a new FKB the PDF links every course of the text.
 */
class TablePdfDiffTests {

    private static final String FKB = "OFF";
    private static final LocalDate BUSINESS_DATE = LocalDate.of(2025, 3, 1);

    private final FkbDocumentParser parser = new FkbDocumentParser();
    private final CatalogueDiff diff = new CatalogueDiff();

    @ParameterizedTest(name = "{1}")
    @CsvSource({
            "offentlig-forvaltning, offentlig-forvaltning.table.pdf",
            "offentlig-forvaltning, offentlig-forvaltning.libreoffice-mono.pdf",
            "offentlig-forvaltning, offentlig-forvaltning.libreoffice-plain-text.pdf",
            "viden-og-forretningsservice, viden-og-forretningsservice.libreoffice-sans.pdf",
            "viden-og-forretningsservice, viden-og-forretningsservice.libreoffice-landscape.pdf",
            "viden-og-forretningsservice, viden-og-forretningsservice.wrapped.pdf"})
    void shouldParseTheSameLinksFromThePdfAsFromTheText(String fixture, String pdf) {
        FkbDocument text = parser.parse(resource("/samples/" + fixture + ".txt"), fixture + ".txt");
        FkbDocument published = parser.parse(resource("/fkb/" + pdf), pdf);

        assertThat(published.links()).containsExactlyElementsOf(text.links());
        assertThat(published.competences()).containsExactlyElementsOf(text.competences());
        assertThat(published.title()).isEqualTo(text.title());
    }

    @ParameterizedTest(name = "{1}")
    @CsvSource({
            "offentlig-forvaltning, offentlig-forvaltning.table.pdf",
            "offentlig-forvaltning, offentlig-forvaltning.libreoffice-mono.pdf",
            "offentlig-forvaltning, offentlig-forvaltning.libreoffice-plain-text.pdf",
            "viden-og-forretningsservice, viden-og-forretningsservice.libreoffice-sans.pdf",
            "viden-og-forretningsservice, viden-og-forretningsservice.libreoffice-landscape.pdf",
            "viden-og-forretningsservice, viden-og-forretningsservice.wrapped.pdf"})
    void shouldEmitNoLinkEventWhenThePdfFollowsTheTextOfTheSameDocument(String fixture, String pdf) {
        FkbDocument text = parser.parse(resource("/samples/" + fixture + ".txt"), fixture + ".txt");
        ChangeSet first = diff.diff(FKB, null, text, null, origin(sha('a')), RECORDED_AT, BUSINESS_DATE);

        ChangeSet next = diff.diff(FKB, first.snapshot(), parser.parse(resource("/fkb/" + pdf), pdf), null,
                origin(sha('b')), RECORDED_AT.plusSeconds(60), BUSINESS_DATE);

        assertThat(next.events()).isEmpty();
        assertThat(next.hasChanges()).isFalse();
    }

    @ParameterizedTest(name = "{1}")
    @CsvSource({
            "offentlig-forvaltning, offentlig-forvaltning.table.pdf",
            "viden-og-forretningsservice, viden-og-forretningsservice.libreoffice-sans.pdf",
            "viden-og-forretningsservice, viden-og-forretningsservice.wrapped.pdf"})
    void shouldLinkEveryCourseOfTheFixtureAndNoMoreWhenThePdfStartsAnFkb(String fixture, String pdf) {
        List<CatalogueEvent> events = diff.diff(FKB, null, parser.parse(resource("/fkb/" + pdf), pdf), null,
                origin(sha('a')), RECORDED_AT, BUSINESS_DATE).events();

        assertThat(events.get(0).getPayload()).isInstanceOf(FkbRevised.class);
        assertThat(events).filteredOn(event -> event.getPayload() instanceof CourseLinked)
                .extracting(event -> ((CourseLinked) event.getPayload()).getLink())
                .containsExactlyElementsOf(ExpectedFixture.links(fixture));
    }

    private static byte[] resource(String path) {
        try (InputStream in = TablePdfDiffTests.class.getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalStateException("missing test resource " + path);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
