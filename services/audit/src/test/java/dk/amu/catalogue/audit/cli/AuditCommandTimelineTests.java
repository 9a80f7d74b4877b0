package dk.amu.catalogue.audit.cli;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;

import dk.amu.catalogue.audit.support.CommandRun;
import dk.amu.catalogue.audit.support.IngestTimeline;
import dk.amu.catalogue.testkit.CatalogueInfrastructure;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The acceptance questions of the audit, asked on the command line after the revision timeline
 * went through the real ingest path: what a script sees (exit code, table, JSON, file).
 */
@ExtendWith(CatalogueInfrastructure.class)
class AuditCommandTimelineTests {

    static final JsonMapper JSON = JsonMapper.builder().build();

    static IngestTimeline timeline;

    @BeforeAll
    static void writeTimeline() {
        timeline = IngestTimeline.shared(CatalogueInfrastructure.running());
    }

    CommandRun audit(String... args) {
        return CommandRun.of(CommandRun.kafka(), args);
    }

    @Test
    void shouldShowTheLinkEndingOnTheLastDayOfJuneAsOfTheFirstOfJune() {
        var run = audit("state", "--fkb", timeline.viden(), "--as-of", "2025-06-01");

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.row(timeline.viden(), "47299", "ENDING", "2024-12-19", "2025-06-30"))
                .contains("Skriftlig kommunikation - sprog og sprogbrug").contains("22487");
        assertThat(run.row(timeline.viden(), "20974", "ACTIVE")).contains("Økonomisk styring af lageret");
    }

    @Test
    void shouldShowTheLinkExpiredAsOfTheFirstOfJuly() throws Exception {
        var run = audit("state", "--fkb", timeline.viden(), "--as-of", "2025-07-01", "--json");

        assertThat(run.exitCode()).as(run.err()).isZero();
        var answer = JSON.readTree(run.out());
        assertThat(answer.get("asOf").asText()).isEqualTo("2025-07-01");
        var link = link(answer, "47299");
        assertThat(link.get("status").asText()).isEqualTo("EXPIRED");
        assertThat(link.get("linkedTo").asText()).isEqualTo("2025-06-30");
        assertThat(link.get("successor").get("courseNumber").asText()).isEqualTo("22487");
    }

    @Test
    void shouldShowTheLinkOpenEndedAsKnownBeforeTheFixtureWasIngested() throws Exception {
        Instant before = timeline.fixtureRecordedAt().minusSeconds(3600);

        var run = audit("state", "--fkb", timeline.viden(), "--as-of", "2025-06-01", "--known-at", before.toString(), "--json");

        assertThat(run.exitCode()).as(run.err()).isZero();
        var link = link(JSON.readTree(run.out()), "47299");
        assertThat(link.get("status").asText()).isEqualTo("ACTIVE");
        assertThat(link.get("linkedTo").isNull()).isTrue();
        // 22487 came with the fixture: not yet known then
        assertThat(JSON.readTree(run.out()).get("links").valueStream()
                .map(l -> l.get("courseNumber").asText())).doesNotContain("22487");
    }

    @Test
    void shouldListTheCourseHistoryInBothFkbsInTheOrderRecorded() throws Exception {
        var run = audit("history", "--course", "47299", "--json");

        assertThat(run.exitCode()).as(run.err()).isZero();
        var entries = JSON.readTree(run.out()).valueStream()
                .filter(e -> e.get("fkbCode").asText().endsWith(timeline.viden().substring(6)))
                .toList();
        assertThat(entries).extracting(e -> e.get("fkbCode").asText(), e -> e.get("type").asText(),
                e -> e.get("effectiveDate").asText())
                .containsExactly(
                        // both documents were ingested on 1 March: the same instant, then by FKB code
                        tuple(timeline.offentlig(), "CourseLinked", "2022-05-10"),
                        tuple(timeline.viden(), "CourseLinked", "2024-12-19"),
                        tuple(timeline.viden(), "CourseLinkEndScheduled", "2025-05-01"),
                        tuple(timeline.viden(), "CourseLinkExpired", "2025-07-01"));
        assertThat(entries.get(2).get("successor").get("courseNumber").asText()).isEqualTo("22487");
        assertThat(entries.get(2).get("documentName").asText()).isEqualTo("fixture.txt");
        assertThat(entries.get(2).get("documentSha256").asText()).hasSize(64);

        var table = audit("history", "--course", "47299", "--fkb", timeline.viden());
        assertThat(table.exitCode()).isZero();
        assertThat(table.out()).contains("CourseLinkEndScheduled").contains("ends 2025-06-30 (was open-ended)")
                .contains("fixture.txt").doesNotContain(timeline.offentlig());
    }

    @Test
    void shouldExportACsvThatKeepsDanishLetters(@TempDir Path directory) throws Exception {
        var file = directory.resolve("events.csv");

        var run = audit("export", "--output", file.toString(), "--by", "effective", "--from", "2024-12-19", "--to", "2024-12-19");

        assertThat(run.exitCode()).as(run.err()).isZero();
        byte[] bytes = Files.readAllBytes(file);
        assertThat(bytes).startsWith(0xEF, 0xBB, 0xBF);
        var text = new String(bytes, 3, bytes.length - 3, UTF_8);
        assertThat(text.lines().findFirst().orElseThrow()).startsWith("partition,offset,eventId,fkbCode,sequence,");
        assertThat(text).contains("Økonomisk styring af lageret").contains("Adfærdsændrende kommunikation ift. bæredygtighed");
        assertThat(text.lines().skip(1)).allMatch(line -> line.contains(",2024-12-19,"));
    }

    @Test
    void shouldExportJsonLinesWithEveryEnvelopeField() throws Exception {
        var run = audit("export", "--format", "jsonl", "--by", "recorded", "--from", timeline.fixtureRecordedAt().toString(),
                "--to", timeline.fixtureRecordedAt().toString());

        assertThat(run.exitCode()).as(run.err()).isZero();
        var rows = run.out().lines().map(JSON::readTree).filter(r -> r.get("fkbCode").asText().equals(timeline.viden())).toList();
        assertThat(rows).extracting(r -> r.get("type").asText()).startsWith("FkbRevised", "CourseLinked");
        var scheduled = rows.stream().filter(r -> r.get("type").asText().equals("CourseLinkEndScheduled")
                && r.get("courseNumber").asText().equals("47299")).findFirst().orElseThrow();
        assertThat(scheduled.get("linkedTo").asText()).isEqualTo("2025-06-30");
        assertThat(scheduled.get("previousLinkedTo").isNull()).isTrue();
        assertThat(scheduled.get("successorCourseNumber").asText()).isEqualTo("22487");
        assertThat(scheduled.get("documentName").asText()).isEqualTo("fixture.txt");
        assertThat(scheduled.get("hash").asText()).hasSize(64);
        assertThat(scheduled.get("recordedAt").asText()).isEqualTo(timeline.fixtureRecordedAt().toString());
    }

    @Test
    void shouldPassVerificationOfTheCleanLogAndPrintEachChainHead() {
        var run = audit("verify");

        assertThat(run.exitCode()).as(run.out() + run.err()).isZero();
        assertThat(run.row(timeline.viden())).matches(".*\\s\\d+\\s+[0-9a-f]{64}\\s+AGREES");
        assertThat(run.out()).contains("OK:");
    }

    private static JsonNode link(JsonNode answer, String course) {
        return answer.get("links").valueStream().filter(l -> l.get("courseNumber").asText().equals(course))
                .findFirst().orElseThrow();
    }
}
