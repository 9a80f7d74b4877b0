package dk.amu.catalogue.audit.cli;

import java.io.PrintStream;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import dk.amu.catalogue.audit.history.HistoryEntry;
import dk.amu.catalogue.audit.state.LinkView;
import dk.amu.catalogue.audit.verify.ChainHead;
import dk.amu.catalogue.audit.verify.Finding;
import dk.amu.catalogue.audit.verify.VerifyReport;
import dk.amu.catalogue.eventlog.LinkState;
import tools.jackson.databind.json.JsonMapper;

/** The answers as aligned text tables, for people. */
final class Tables {

    /** In a holder of its own: Jackson is loaded only when --json asks for it. */
    static final class Json {

        static final JsonMapper MAPPER = JsonMapper.builder().build();

        private Json() {
        }
    }

    private Tables() {
    }

    static void state(PrintStream out, List<LinkView> links) {
        var rows = new ArrayList<List<String>>();
        rows.add(List.of("FKB", "COURSE", "STATUS", "FROM", "TO", "EUU", "DAYS", "TITLE", "SUCCESSOR"));
        for (var link : links) {
            rows.add(List.of(link.fkbCode(), link.courseNumber(), link.status().name(), link.linkedFrom().toString(),
                    text(link.linkedTo()), link.euu(), days(link.durationDays()), link.title(), successor(link.successor())));
        }
        print(out, rows);
    }

    static void history(PrintStream out, List<HistoryEntry> entries) {
        var rows = new ArrayList<List<String>>();
        rows.add(List.of("RECORDED", "FKB", "SEQ", "TYPE", "COURSE", "EFFECTIVE", "CHANGE", "SUCCESSOR", "DOCUMENT",
                "SHA-256"));
        for (var entry : entries) {
            rows.add(List.of(entry.recordedAt().toString(), entry.fkbCode(), Long.toString(entry.sequence()),
                    entry.type(), text(entry.courseNumber()), entry.effectiveDate().toString(), entry.change(),
                    successor(entry.successor()), text(entry.documentName()), text(entry.documentSha256())));
        }
        print(out, rows);
    }

    static void verify(PrintStream out, VerifyReport report) {
        out.printf("Verified %s: %,d events, %d FKBs%n%n", report.topic(), report.events(), report.heads().size());
        var rows = new ArrayList<List<String>>();
        rows.add(List.of("FKB", "HEAD", "HASH", "SNAPSHOT"));
        for (ChainHead head : report.heads()) {
            rows.add(List.of(head.fkbCode(), Long.toString(head.sequence()), head.hash(), head.snapshot().name()));
        }
        print(out, rows);
        out.println();
        if (report.passed()) {
            out.println("OK: every chain is gapless from 1 and intact, every record decodes, every snapshot agrees.");
            report.heads().stream().filter(head -> head.snapshot() == ChainHead.SnapshotCheck.NONE).findAny()
                    .ifPresent(head -> out.println("(FKBs marked NONE have no snapshot to compare with.)"));
            return;
        }
        out.printf("FAILED: %d findings%n", report.findings().size() + report.findingsNotShown());
        for (Finding finding : report.findings()) {
            out.println(finding.describe());
        }
        if (report.findingsNotShown() > 0) {
            out.printf("... and %,d more%n", report.findingsNotShown());
        }
    }

    private static void print(PrintStream out, List<List<String>> rows) {
        int columns = rows.get(0).size();
        int[] widths = new int[columns];
        for (var row : rows) {
            for (int i = 0; i < columns; i++) {
                widths[i] = Math.max(widths[i], row.get(i).length());
            }
        }
        for (var row : rows) {
            var line = new StringBuilder();
            for (int i = 0; i < columns; i++) {
                line.append(i == columns - 1 ? row.get(i) : String.format("%-" + widths[i] + "s  ", row.get(i)));
            }
            out.println(line.toString().stripTrailing());
        }
    }

    private static String successor(LinkState.Successor successor) {
        return successor == null ? "" : successor.courseNumber() + " " + successor.title();
    }

    private static String days(BigDecimal days) {
        return days == null ? "" : days.toPlainString();
    }

    private static String text(Object value) {
        return Objects.toString(value, "");
    }
}
