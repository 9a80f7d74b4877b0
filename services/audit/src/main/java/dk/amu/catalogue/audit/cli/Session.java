package dk.amu.catalogue.audit.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.util.HashMap;
import java.util.Map;

import dk.amu.catalogue.audit.queries.AuditQueries;
import dk.amu.catalogue.audit.replay.Progress;
import dk.amu.catalogue.audit.system.CommandLineAudit;

/** One run of the command line: where it prints, the settings it was given, and the queries it opens once the line parsed. */
final class Session {

    /** A command's question, asked once Kafka's settings are known; returns the exit code. */
    interface Question {
        int ask(AuditQueries queries, Progress bar) throws IOException;
    }

    private final Map<String, Object> settings;

    private final PrintStream out;

    private final PrintStream err;

    private Progress bar = Progress.NONE;

    Session(Map<String, Object> settings, PrintStream out, PrintStream err) {
        this.settings = settings;
        this.out = out;
        this.err = err;
    }

    PrintStream out() {
        return out;
    }

    PrintStream err() {
        return err;
    }

    int ask(Connection connection, Question question) throws IOException {
        bar = ProgressBar.forTerminal(err, !connection.noProgress);
        try (var audit = CommandLineAudit.open(properties(connection))) {
            return question.ask(audit.queries(), bar);
        }
    }

    /** Clears the progress bar, so that an answer or an error starts on a clean line. */
    void clearProgress() {
        if (bar instanceof ProgressBar shown) {
            shown.done();
        }
    }

    private Map<String, Object> properties(Connection connection) {
        // one question, then exit: nothing to ask again, so no look-up of the log's ends for a cache
        var properties = new HashMap<String, Object>(Map.of("catalogue.audit.answer-cache-entries", 0));
        properties.putAll(settings);
        put(properties, "spring.kafka.bootstrap-servers", connection.bootstrapServers);
        put(properties, "catalogue.registry-url", connection.registryUrl);
        put(properties, "catalogue.audit.topic", connection.topic);
        put(properties, "catalogue.audit.snapshot-topic", connection.snapshotTopic);
        return properties;
    }

    private static void put(Map<String, Object> properties, String key, String value) {
        if (value != null) {
            properties.put(key, value);
        }
    }
}
