package dk.amu.catalogue.audit.cli;

import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;

import dk.amu.catalogue.audit.queries.AuditArguments;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "export", description = "The whole log or a window of it, one row per event: CSV (UTF-8 with a byte order mark) or JSON Lines.")
final class ExportCommand implements Callable<Integer> {

    private final Session session;

    @Mixin
    Connection connection;

    @Option(names = "--format", paramLabel = "csv|jsonl", description = "default: jsonl for an --output ending .jsonl, else csv")
    String format;

    @Option(names = "--by", paramLabel = "recorded|effective",
            description = "the window's axis: record instants, or effective dates (default: recorded)")
    String by;

    @Option(names = "--from", paramLabel = "X", description = "the first instant (or date) included")
    String from;

    @Option(names = "--to", paramLabel = "X", description = "the last instant (or date, all of it) included")
    String to;

    @Option(names = "--output", paramLabel = "FILE", description = "write to this file (default: stdout)")
    String output;

    ExportCommand(Session session) {
        this.session = session;
    }

    @Override
    public Integer call() throws Exception {
        var formatText = format == null && output != null && output.endsWith(".jsonl") ? "jsonl" : format;
        var exportFormat = AuditArguments.format("--format", formatText);
        var window = AuditArguments.window("--by", by, "--from", from, "--to", to);
        return session.ask(connection, (queries, bar) -> {
            var out = session.out();
            if (output == null) {
                long written = queries.export(exportFormat, window, out, bar);
                out.flush();
                session.clearProgress();
                session.err().printf("exported %,d events%n", written);
            }
            else {
                long written;
                try (OutputStream file = Files.newOutputStream(Path.of(output))) {
                    written = queries.export(exportFormat, window, file, bar);
                }
                session.clearProgress();
                out.printf("exported %,d events to %s (%s)%n", written, output, exportFormat.extension());
            }
            return AuditCommand.OK;
        });
    }
}
