package dk.amu.catalogue.ingest.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import dk.amu.catalogue.ingest.IngestApplication;
import dk.amu.catalogue.ingest.document.FkbDocumentParser;
import dk.amu.catalogue.ingest.ingestion.DocumentSubmission;
import dk.amu.catalogue.ingest.ingestion.IngestionService;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * {@code ingest --fkb CODE [--title TITLE] [--force] FILE...}: ingests documents into the running
 * system's Kafka and prints each report. Every file is read and parsed before the first is
 * ingested, so a bad file changes nothing. On failure: one line on stderr and a non-zero exit.
 */
public final class IngestCommand {

    static final String USAGE = "usage: ingest --fkb CODE [--title TITLE] [--force] FILE...";

    private IngestCommand() {
    }

    public static void main(String[] args) {
        System.exit(run(args));
    }

    /** Runs the command against the configured Kafka and registry; returns the exit code. */
    public static int run(String[] args) {
        return run(args, Map.of(), System.out, System.err);
    }

    public static int run(String[] args, Map<String, Object> settings, PrintStream out, PrintStream err) {
        Arguments arguments;
        List<DocumentSubmission> submissions;
        try {
            arguments = Arguments.parse(args);
            submissions = readAndCheck(arguments);
        }
        catch (RuntimeException ex) {
            err.println("ingest: " + oneLine(ex));
            return 2;
        }
        try (var context = context(settings)) {
            var ingestion = context.getBean(IngestionService.class);
            for (var submission : submissions) {
                out.print(ingestion.ingest(submission).toText());
            }
            return 0;
        }
        catch (RuntimeException ex) {
            err.println("ingest: " + oneLine(ex));
            return 1;
        }
    }

    private static List<DocumentSubmission> readAndCheck(Arguments arguments) {
        var parser = new FkbDocumentParser();
        var submissions = new ArrayList<DocumentSubmission>();
        for (var file : arguments.files()) {
            var content = read(file);
            try {
                parser.parse(content, file.getFileName().toString());
            }
            catch (RuntimeException ex) {
                throw new IllegalArgumentException(file + ": " + ex.getMessage(), ex);
            }
            submissions.add(new DocumentSubmission(arguments.fkbCode(), content, file.getFileName().toString(),
                    arguments.title(), arguments.force()));
        }
        return submissions;
    }

    private static byte[] read(Path file) {
        try {
            return Files.readAllBytes(file);
        }
        catch (NoSuchFileException ex) {
            throw new IllegalArgumentException(file + ": no such file");
        }
        catch (IOException ex) {
            throw new IllegalArgumentException(file + ": cannot read: " + ex.getMessage());
        }
    }

    private static ConfigurableApplicationContext context(Map<String, Object> settings) {
        var properties = new HashMap<String, Object>(Map.of(
                "logging.level.root", "WARN",
                "logging.level.org.apache.kafka", "ERROR"));
        properties.putAll(settings);
        return IngestApplication.headless(properties);
    }

    private static String oneLine(Throwable ex) {
        var message = ex.getMessage() == null ? ex.getClass().getSimpleName() : ex.getMessage();
        return message.replaceAll("\\s+", " ").strip();
    }

    record Arguments(String fkbCode, String title, boolean force, List<Path> files) {

        static Arguments parse(String[] args) {
            String fkb = null;
            String title = null;
            boolean force = false;
            var files = new ArrayList<Path>();
            for (int i = 0; i < args.length; i++) {
                switch (args[i]) {
                    case "--fkb" -> fkb = value(args, ++i, "--fkb");
                    case "--title" -> title = value(args, ++i, "--title");
                    case "--force" -> force = true;
                    default -> {
                        if (args[i].startsWith("--")) {
                            throw new IllegalArgumentException("unknown option " + args[i] + "; " + USAGE);
                        }
                        files.add(Path.of(args[i]));
                    }
                }
            }
            if (fkb == null || files.isEmpty()) {
                throw new IllegalArgumentException(fkb == null ? "--fkb CODE is required; " + USAGE : "no FILE given; " + USAGE);
            }
            return new Arguments(fkb, title, force, List.copyOf(files));
        }

        private static String value(String[] args, int index, String option) {
            if (index >= args.length) {
                throw new IllegalArgumentException(option + " needs a value; " + USAGE);
            }
            return args[index];
        }
    }
}
