package dk.amu.catalogue.audit.cli;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;

import dk.amu.catalogue.audit.AuditArguments;
import dk.amu.catalogue.audit.AuditArguments.BadArgumentException;
import dk.amu.catalogue.audit.AuditQueries;
import dk.amu.catalogue.audit.replay.Progress;
import dk.amu.catalogue.audit.state.StateAnswer;
import tools.jackson.databind.json.JsonMapper;

/** A checked command, ready to run once Kafka is reachable: what each command asks and how it prints the answer. */
interface Invocation {

    JsonMapper JSON = JsonMapper.builder().build();

    int run(AuditQueries queries, PrintStream out, PrintStream err, Progress bar) throws IOException;

    static Invocation of(CommandLine line) {
        boolean json = line.flag("--json");
        return switch (line.command()) {
            case "state" -> state(line, json);
            case "history" -> history(line, json);
            case "export" -> export(line);
            default -> verify(json);
        };
    }

    private static Invocation state(CommandLine line, boolean json) {
        var fkb = line.option("--fkb");
        var asOf = AuditArguments.date("--as-of", line.option("--as-of"));
        var knownAt = AuditArguments.moment("--known-at", line.option("--known-at"));
        return (queries, out, err, bar) -> {
            var date = asOf == null ? queries.today() : asOf;
            var moment = knownAt == null ? queries.now() : knownAt;
            var links = queries.state(fkb, date, moment, bar);
            AuditCommand.done(bar);
            if (json) {
                out.println(JSON.writeValueAsString(new StateAnswer(fkb, date, moment, links)));
            }
            else {
                out.printf("%s as of %s, as known at %s: %d links%n%n", fkb == null ? "All FKBs" : "FKB " + fkb,
                        date, moment, links.size());
                Tables.state(out, links);
            }
            return AuditCommand.OK;
        };
    }

    private static Invocation history(CommandLine line, boolean json) {
        var course = line.option("--course");
        var fkb = line.option("--fkb");
        if (course == null && fkb == null) {
            throw new BadArgumentException("history needs --course NUMBER or --fkb CODE (or both), e.g. --course 47299");
        }
        return (queries, out, err, bar) -> {
            var entries = queries.history(course, fkb, bar);
            AuditCommand.done(bar);
            if (json) {
                out.println(JSON.writeValueAsString(entries));
            }
            else {
                Tables.history(out, entries);
            }
            return AuditCommand.OK;
        };
    }

    private static Invocation export(CommandLine line) {
        var output = line.option("--output");
        var formatText = line.option("--format");
        if (formatText == null && output != null && output.endsWith(".jsonl")) {
            formatText = "jsonl";
        }
        var format = AuditArguments.format("--format", formatText);
        var window = AuditArguments.window("--by", line.option("--by"), "--from", line.option("--from"), "--to",
                line.option("--to"));
        return (queries, out, err, bar) -> {
            long written;
            if (output == null) {
                written = queries.export(format, window, out, bar);
                out.flush();
                AuditCommand.done(bar);
                err.printf("exported %,d events%n", written);
            }
            else {
                try (OutputStream file = Files.newOutputStream(Path.of(output))) {
                    written = queries.export(format, window, file, bar);
                }
                AuditCommand.done(bar);
                out.printf("exported %,d events to %s (%s)%n", written, output, format.extension());
            }
            return AuditCommand.OK;
        };
    }

    private static Invocation verify(boolean json) {
        return (queries, out, err, bar) -> {
            var report = queries.verify(null, bar);
            AuditCommand.done(bar);
            if (json) {
                out.println(JSON.writeValueAsString(report));
            }
            else {
                Tables.verify(out, report);
            }
            if (!report.passed()) {
                err.printf("audit: verification failed: %d findings in %s%n",
                        report.findings().size() + report.findingsNotShown(), report.topic());
                return AuditCommand.FAILED;
            }
            return AuditCommand.OK;
        };
    }
}
