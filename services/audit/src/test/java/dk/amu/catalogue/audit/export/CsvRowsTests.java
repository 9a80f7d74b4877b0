package dk.amu.catalogue.audit.export;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringWriter;
import java.lang.reflect.RecordComponent;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import tools.jackson.dataformat.csv.CsvMapper;
import tools.jackson.dataformat.csv.CsvSchema;
import org.junit.jupiter.api.Test;

class CsvRowsTests {

    @Test
    void shouldStartWithAByteOrderMarkAndTheColumnNamesInTheRecordsOrder() throws Exception {
        var out = new StringWriter();

        var csv = new CsvRows(out);
        csv.header();
        csv.finish();

        var names = Arrays.stream(ExportRow.class.getRecordComponents()).map(RecordComponent::getName).toList();
        assertThat(out.toString()).isEqualTo("\uFEFF" + String.join(",", names) + "\r\n");
        assertThat(out.toString()).startsWith("\uFEFFpartition,offset,eventId,fkbCode,sequence,previousHash,hash,"
                + "recordedAt,effectiveDate,documentSha256,documentName,ingestionId,type,courseNumber,title,")
                .endsWith(",successorCourseNumber,successorTitle,successorSimilarity\r\n");
    }

    @Test
    void shouldQuoteFieldsWithCommasQuotesAndLineBreaksAsRfc4180Says() throws Exception {
        var out = new StringWriter();

        var csv = new CsvRows(out);
        csv.row(row("Økonomi, \"regnskab\"\nog sagsbehandling på dansk", List.of("Læsning", "Skrivning")));
        csv.finish();

        var line = out.toString();
        assertThat(line).contains(",\"Økonomi, \"\"regnskab\"\"\nog sagsbehandling på dansk\",")
                .contains(",Læsning; Skrivning,")
                .contains(",2025-02-01T12:00:00Z,2025-06-30,")
                .contains("," + "0".repeat(64) + ",")
                .contains(",2.0,")
                .endsWith("\r\n");
    }

    @Test
    void shouldReadBackAsTheSameFieldsWithTheModulesParser() throws Exception {
        var out = new StringWriter();
        var title = "Adfærdsændrende kommunikation, \"ift.\" bæredygtighed";

        var csv = new CsvRows(out);
        csv.header();
        csv.row(row(title, List.of("Læsning")));
        csv.row(row("Økonomisk styring af lageret", List.of()));
        csv.finish();

        var text = out.toString();
        assertThat(text).startsWith("\uFEFF");
        List<Map<String, String>> records = new CsvMapper().readerForMapOf(String.class)
                .with(CsvSchema.emptySchema().withHeader()).<Map<String, String>>readValues(text.substring(1)).readAll();
        assertThat(records).hasSize(2);
        assertThat(records.get(0)).containsEntry("title", title).containsEntry("partition", "3")
                .containsEntry("durationDays", "2.0").containsEntry("linkedTo", "")
                .containsEntry("competencesAdded", "Læsning").containsEntry("recordedAt", "2025-02-01T12:00:00Z");
        assertThat(records.get(1)).containsEntry("title", "Økonomisk styring af lageret")
                .hasSize(ExportRow.class.getRecordComponents().length);
    }

    private static ExportRow row(String title, List<String> competences) {
        return new ExportRow(3, 42, "id", "viden", 7, "0".repeat(64), "1".repeat(64), Instant.parse("2025-02-01T12:00:00Z"),
                LocalDate.of(2025, 6, 30), null, "fixture.txt", "ingestion", "CourseLinked", "47299", title, null, "AD",
                new BigDecimal("2.0"), LocalDate.of(2024, 12, 19), null, null, null, null, null, null, null, null, null,
                competences, List.of(), null, null, null);
    }
}
