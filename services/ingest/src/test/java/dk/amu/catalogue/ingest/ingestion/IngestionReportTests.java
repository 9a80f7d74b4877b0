package dk.amu.catalogue.ingest.ingestion;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import dk.amu.catalogue.ingest.document.FkbDocumentParser;

/** The report tells the operator how the document was read: its table by the PDF's layout, or as text. */
class IngestionReportTests {

    private final FkbDocumentParser parser = new FkbDocumentParser();

    @Test
    void shouldSayThatAPdfTableWasReadByItsLayoutWithPagesAndRows() throws IOException {
        IngestionReport report = report("/fkb/offentlig-forvaltning.table.pdf", "offentlig.pdf");

        assertThat(report.reading()).isEqualTo(new IngestionReport.Reading("PDF_TABLE_LAYOUT", 20, 113));
        assertThat(report.toText()).contains("\nread as PDF table layout: 20 pages, 113 rows\n");
    }

    @Test
    void shouldSayThatATextDocumentWasReadAsText() throws IOException {
        IngestionReport report = report("/samples/viden-og-forretningsservice.txt", "viden.txt");

        assertThat(report.reading()).isEqualTo(new IngestionReport.Reading("TEXT", 0, 94));
        assertThat(report.toText()).contains("\nread as text: 94 rows\n");
    }

    @Test
    void shouldCarryTheReadingAsANestedObjectInJson() throws IOException {
        JsonNode json = new ObjectMapper().valueToTree(report("/fkb/offentlig-forvaltning.table.pdf", "offentlig.pdf"));

        assertThat(json.get("reading").get("method").asText()).isEqualTo("PDF_TABLE_LAYOUT");
        assertThat(json.get("reading").get("pages").asInt()).isEqualTo(20);
        assertThat(json.get("reading").get("rows").asInt()).isEqualTo(113);
    }

    private IngestionReport report(String resource, String name) throws IOException {
        byte[] content;
        try (InputStream in = IngestionReportTests.class.getResourceAsStream(resource)) {
            content = in.readAllBytes();
        }
        var submission = new DocumentSubmission("OFF", content, name, null, false);
        return IngestionReport.of("ingestion-1", submission, "0".repeat(64), parser.parse(content, name), List.of());
    }
}
