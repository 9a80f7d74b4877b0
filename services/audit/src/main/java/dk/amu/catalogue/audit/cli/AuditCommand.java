package dk.amu.catalogue.audit.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.Map;

import dk.amu.catalogue.audit.AuditApplication;
import dk.amu.catalogue.audit.AuditArguments.BadArgumentException;
import dk.amu.catalogue.audit.AuditQueries;
import dk.amu.catalogue.audit.replay.KafkaUnavailableException;
import dk.amu.catalogue.audit.replay.Progress;
import dk.amu.catalogue.serde.SchemaRegistryUnavailableException;
import org.springframework.context.ConfigurableApplicationContext;

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

    static void done(Progress bar) {
        if (bar instanceof ProgressBar shown) {
            shown.done();
        }
    }

    static String oneLine(Throwable ex) {
        var message = ex.getMessage() == null ? ex.getClass().getSimpleName() : ex.getMessage();
        return message.replaceAll("\\s+", " ").strip();
    }
}
