package dk.amu.catalogue.audit.cli;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

import dk.amu.catalogue.audit.AuditApplication;
import dk.amu.catalogue.audit.AuditArguments;
import dk.amu.catalogue.audit.AuditArguments.BadArgumentException;
import dk.amu.catalogue.audit.AuditQueries;
import dk.amu.catalogue.audit.export.ExportFormat;
import dk.amu.catalogue.audit.replay.KafkaUnavailableException;
import dk.amu.catalogue.audit.replay.Progress;
import dk.amu.catalogue.audit.state.StateAnswer;
import dk.amu.catalogue.serde.SchemaRegistryUnavailableException;
import org.springframework.context.ConfigurableApplicationContext;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code audit state|history|export|verify ...}: the audit from a terminal or a script, without a
 * web server. Tables for people, {@code --json} for machines. Exit codes a script can trust: 0
 * answered (verify: the log is intact), 1 verification failed or the log cannot be read as a log,
 * 2 bad usage or Kafka or the registry unreachable; every failure is one line on stderr.
 */
public final class AuditCommand {

    public static final int OK = 0;

    public static final int FAILED = 1;

    public static final int USAGE = 2;

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private AuditCommand() {
    }

    public static boolean isCommand(String word) {
        return CommandLine.isCommand(word);
    }

    public static int run(String[] args, PrintStream out, PrintStream err) {
        return run(args, Map.of(), out, err);
    }

    /** @param settings Spring properties that win over audit.yml (the options on the line win over them) */
    public static int run(String[] args, Map<String, Object> settings, PrintStream out, PrintStream err) {
        CommandLine line;
        Invocation invocation;
        try {
            line = CommandLine.parse(args);
            invocation = Invocation.of(line);
        }
        catch (BadArgumentException ex) {
            err.println("audit: " + ex.getMessage());
            return USAGE;
        }
        var bar = ProgressBar.forTerminal(err, !line.flag("--no-progress"));
        try (var context = context(line, settings)) {
            var queries = context.getBean(AuditQueries.class);
            return invocation.run(queries, out, err, bar);
        }
        catch (BadArgumentException ex) {
            err.println("audit: " + ex.getMessage());
            return USAGE;
        }
        catch (KafkaUnavailableException | SchemaRegistryUnavailableException ex) {
            done(bar);
            err.println("audit: " + oneLine(ex));
            return USAGE;
        }
        catch (IOException | UncheckedIOException ex) {
            done(bar);
            err.println("audit: cannot write the output: " + oneLine(ex));
            return USAGE;
        }
        catch (RuntimeException ex) {
            done(bar);
            err.println("audit: " + oneLine(ex));
            return FAILED;
        }
    }

    private static ConfigurableApplicationContext context(CommandLine line, Map<String, Object> settings) {
        var properties = new HashMap<String, Object>(Map.of(
                "logging.level.root", "WARN",
                "logging.level.org.apache.kafka", "ERROR",
                "spring.main.log-startup-info", false));
        properties.putAll(settings);
        put(properties, "spring.kafka.bootstrap-servers", line.option("--bootstrap-servers"));
        put(properties, "catalogue.registry-url", line.option("--registry-url"));
        put(properties, "catalogue.audit.topic", line.option("--topic"));
        put(properties, "catalogue.audit.snapshot-topic", line.option("--snapshot-topic"));
        return AuditApplication.headless(properties);
    }

    private static void put(Map<String, Object> properties, String key, String value) {
        if (value != null) {
            properties.put(key, value);
        }
    }

    private static void done(Progress bar) {
        if (bar instanceof ProgressBar shown) {
            shown.done();
        }
    }

    static String oneLine(Throwable ex) {
        var message = ex.getMessage() == null ? ex.getClass().getSimpleName() : ex.getMessage();
        return message.replaceAll("\\s+", " ").strip();
    }

    /** A checked command, ready to run once Kafka is reachable. */
    private interface Invocation {

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
                done(bar);
                if (json) {
                    out.println(JSON.writeValueAsString(new StateAnswer(fkb, date, moment, links)));
                }
                else {
                    out.printf("%s as of %s, as known at %s: %d links%n%n", fkb == null ? "All FKBs" : "FKB " + fkb,
                            date, moment, links.size());
                    Tables.state(out, links);
                }
                return OK;
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
                done(bar);
                if (json) {
                    out.println(JSON.writeValueAsString(entries));
                }
                else {
                    Tables.history(out, entries);
                }
                return OK;
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
                    done(bar);
                    err.printf("exported %,d events%n", written);
                }
                else {
                    try (OutputStream file = Files.newOutputStream(Path.of(output))) {
                        written = queries.export(format, window, file, bar);
                    }
                    done(bar);
                    out.printf("exported %,d events to %s (%s)%n", written, output, format.extension());
                }
                return OK;
            };
        }

        private static Invocation verify(boolean json) {
            return (queries, out, err, bar) -> {
                var report = queries.verify(null, bar);
                done(bar);
                if (json) {
                    out.println(JSON.writeValueAsString(report));
                }
                else {
                    Tables.verify(out, report);
                }
                if (!report.passed()) {
                    err.printf("audit: verification failed: %d findings in %s%n",
                            report.findings().size() + report.findingsNotShown(), report.topic());
                    return FAILED;
                }
                return OK;
            };
        }
    }
}
