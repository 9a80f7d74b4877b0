package dk.amu.catalogue.audit.web;

import java.util.List;

import dk.amu.catalogue.audit.queries.AuditArguments;
import dk.amu.catalogue.audit.queries.AuditQueries;
import dk.amu.catalogue.audit.queries.AuditArguments.BadArgumentException;
import dk.amu.catalogue.audit.history.HistoryEntry;
import dk.amu.catalogue.audit.replay.Progress;
import dk.amu.catalogue.audit.state.StateAnswer;
import dk.amu.catalogue.audit.verify.VerifyReport;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;

/**
 * The audit over HTTP: every answer comes from a replay of the log from Kafka, or from the cache of
 * answers to the same question about the same end of the log. Too many replays at once: 429.
 */
@RestController
@RequestMapping("/api")
@Tag(name = "audit", description = "As-of state, history, export and verification, from the event log alone")
class AuditController {

    private final AuditQueries queries;

    AuditController(AuditQueries queries) {
        this.queries = queries;
    }

    @GetMapping("/state")
    @Operation(summary = "The links of an FKB, or of all, valid on a business date as known at an instant")
    StateAnswer state(
            @Parameter(description = "FKB code; all FKBs when absent") @RequestParam(required = false) String fkb,
            @Parameter(description = "business date (ISO), default today in Copenhagen", example = "2025-06-01")
            @RequestParam(required = false) String asOf,
            @Parameter(description = "count only events recorded by then: ISO instant, or a date meaning 00:00 in "
                    + "Copenhagen; default now", example = "2025-02-01T12:00:00Z")
            @RequestParam(required = false) String knownAt) {
        var date = AuditArguments.date("asOf", asOf);
        var moment = AuditArguments.moment("knownAt", knownAt);
        date = date == null ? queries.today() : date;
        // "now" goes to the queries as null: so it is one question, which the cache can answer again
        var links = queries.state(blankToNull(fkb), date, moment);
        return new StateAnswer(blankToNull(fkb), date, moment == null ? queries.now() : moment, links);
    }

    @GetMapping("/history")
    @Operation(summary = "Every event of a course (in every FKB or one) or of an FKB, in the order recorded")
    List<HistoryEntry> history(
            @Parameter(description = "course number", example = "47299") @RequestParam(required = false) String course,
            @Parameter(description = "FKB code") @RequestParam(required = false) String fkb) {
        if (blankToNull(course) == null && blankToNull(fkb) == null) {
            throw new BadArgumentException("give course or fkb (or both), e.g. /api/history?course=47299");
        }
        return queries.history(blankToNull(course), blankToNull(fkb));
    }

    @GetMapping(value = "/export", produces = { "text/csv", "application/jsonl" })
    @Operation(summary = "The whole log or a window of it, one row per event, streamed as it is read",
            description = "CSV is UTF-8 with a byte order mark, RFC 4180 quoted; JSON Lines has one object per line. "
                    + "from and to are both included: instants (or dates) by recorded, dates by effective.")
    ResponseEntity<StreamingResponseBody> export(
            @Parameter(description = "csv or jsonl", example = "csv") @RequestParam(defaultValue = "csv") String format,
            @Parameter(description = "recorded or effective") @RequestParam(defaultValue = "recorded") String by,
            @Parameter(description = "first moment or date included") @RequestParam(required = false) String from,
            @Parameter(description = "last moment or date included") @RequestParam(required = false) String to) {
        var exportFormat = AuditArguments.format("format", format);
        var window = AuditArguments.window("by", by, "from", from, "to", to);
        // the replay's place is taken before the headers go out, so a busy service answers 429, not a broken stream
        var pending = queries.export(exportFormat, window);
        StreamingResponseBody body = out -> pending.writeTo(out, Progress.NONE);
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType(exportFormat.mediaType()))
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename("catalogue-events." + exportFormat.extension()).build().toString())
                .body(body);
    }

    @GetMapping("/verify")
    @Operation(summary = "Verify the log: gapless sequences, intact hash chains, decodable records, snapshots that agree",
            description = "passed is false when anything was found; each finding names the FKB, the sequence, "
                    + "the partition and offset, and what is wrong. The heads are checkpoints to keep.")
    VerifyReport verify(@Parameter(description = "another topic holding a copy of the log")
            @RequestParam(required = false) String topic) {
        return queries.verify(blankToNull(topic), Progress.NONE);
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.trim();
    }
}
