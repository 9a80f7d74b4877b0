package dk.amu.catalogue.audit.export;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringWriter;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;

class CsvRowsTests {

    @Test
    void shouldStartWithAByteOrderMarkAndTheColumnNames() throws Exception {
        var out = new StringWriter();

        new CsvRows(out).header();

        assertThat(out.toString()).startsWith("\uFEFFpartition,offset,eventId,fkbCode,sequence,previousHash,hash,"
                + "recordedAt,effectiveDate,documentSha256,documentName,ingestionId,type,courseNumber,title,")
                .endsWith(",successorCourseNumber,successorTitle,successorSimilarity\r\n");
    }

    @Test
    void shouldQuoteFieldsWithCommasQuotesAndLineBreaksAsRfc4180Says() throws Exception {
        var out = new StringWriter();

        new CsvRows(out).row(row("Økonomi, \"regnskab\"\nog sagsbehandling på dansk", List.of("Læsning", "Skrivning")));

        var line = out.toString();
        assertThat(line).contains(",\"Økonomi, \"\"regnskab\"\"\nog sagsbehandling på dansk\",")
                .contains(",Læsning; Skrivning,")
                .contains(",2025-02-01T12:00:00Z,2025-06-30,")
                .contains(",2.0,")
                .endsWith("\r\n");
    }

    private static ExportRow row(String title, List<String> competences) {
        return new ExportRow(3, 42, "id", "viden", 7, "0".repeat(64), "1".repeat(64), Instant.parse("2025-02-01T12:00:00Z"),
                LocalDate.of(2025, 6, 30), null, "fixture.txt", "ingestion", "CourseLinked", "47299", title, null, "AD",
                new BigDecimal("2.0"), LocalDate.of(2024, 12, 19), null, null, null, null, null, null, null, null, null,
                competences, List.of(), null, null, null);
    }
}
