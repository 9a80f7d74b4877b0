package dk.amu.catalogue.ingest.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

import dk.amu.catalogue.ingest.IngestApplication;
import dk.amu.catalogue.ingest.document.FkbDocumentParser;
import dk.amu.catalogue.ingest.ingestion.DocumentSubmission;
import dk.amu.catalogue.ingest.ingestion.IngestionService;
import org.springframework.context.ConfigurableApplicationContext;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code ingest --fkb CODE [--title TITLE] [--force] FILE...}: ingests documents into the running
 * system's Kafka and prints each report. Every file is read and parsed before the first is
 * ingested, so a bad file changes nothing. On failure: one line on stderr and a non-zero exit,
 * 2 for a bad command or a bad file, 1 when the ingestion itself fails (Kafka or the registry
 * unavailable, a document refused as suspicious).
 */
@Command(name = "ingest", sortOptions = false, usageHelpAutoWidth = true,
        description = "Ingests FKB documents (PDF or text) into the catalogue's event log and prints a report "
                + "of each. Every file is read and checked before the first is ingested.",
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = { "0:every document was ingested", "1:the ingestion failed (Kafka, registry, refused document)",
                "2:a bad command line or a file that cannot be read or parsed" })
public final class IngestCommand implements Callable<Integer> {

    static final String USAGE = "usage: ingest --fkb CODE [--title TITLE] [--force] FILE...";

    static final int FAILED = 1;

    static final int BAD_INPUT = 2;

    @Option(names = "--fkb", paramLabel = "CODE", required = true, description = "the code of the FKB the documents describe")
    String fkbCode;

    @Option(names = "--title", paramLabel = "TITLE", description = "the FKB's title, where the document does not state it")
    String title;

    @Option(names = "--force", description = "ingest even a document held back as suspicious (most links gone, or another FKB's)")
    boolean force;

    @Option(names = { "-h", "--help" }, usageHelp = true, description = "show this help and exit")
    boolean help;

    @Parameters(paramLabel = "FILE", arity = "1..*", description = "the documents, ingested in this order")
    List<Path> files;

    private final Map<String, Object> settings;

    private final PrintStream out;

    private final PrintStream err;

    private IngestCommand(Map<String, Object> settings, PrintStream out, PrintStream err) {
        this.settings = settings;
        this.out = out;
        this.err = err;
    }

    public static void main(String[] args) {
        System.exit(run(args));
    }

    /** Runs the command against the configured Kafka and registry; returns the exit code. */
    public static int run(String[] args) {
        return run(args, Map.of(), System.out, System.err);
    }

    /**
     * @param settings Spring properties that take precedence over {@code ingest.yml}, such as the broker's address
     * @return the exit code: 0, {@value #FAILED} or {@value #BAD_INPUT}
     */
    public static int run(String[] args, Map<String, Object> settings, PrintStream out, PrintStream err) {
        CommandLine command = new CommandLine(new IngestCommand(settings, out, err))
                // a file may be named @something; it is a document, not a file of arguments
                .setExpandAtFiles(false)
                .setOverwrittenOptionsAllowed(true)
                .setOut(new PrintWriter(out, true, StandardCharsets.UTF_8))
                .setErr(new PrintWriter(err, true, StandardCharsets.UTF_8))
                .setParameterExceptionHandler((ex, arguments) -> fail(err, UsageErrors.describe(ex, arguments), BAD_INPUT))
                .setExecutionExceptionHandler((ex, commandLine, parseResult) -> fail(err, ex, FAILED));
        return command.execute(args);
    }

    @Override
    public Integer call() {
        List<DocumentSubmission> submissions;
        try {
            submissions = readAndCheck();
        }
        catch (RuntimeException ex) {
            return fail(err, ex, BAD_INPUT);
        }
        try (var context = context(settings)) {
            var ingestion = context.getBean(IngestionService.class);
            for (var submission : submissions) {
                out.print(ingestion.ingest(submission).toText());
            }
            return 0;
        }
        catch (RuntimeException ex) {
            return fail(err, ex, FAILED);
        }
    }

    private List<DocumentSubmission> readAndCheck() {
        var parser = new FkbDocumentParser();
        var submissions = new ArrayList<DocumentSubmission>();
        for (var file : files) {
            var content = read(file);
            try {
                parser.parse(content, file.getFileName().toString());
            }
            catch (RuntimeException ex) {
                throw new IllegalArgumentException(file + ": " + ex.getMessage(), ex);
            }
            submissions.add(new DocumentSubmission(fkbCode, content, file.getFileName().toString(), title, force));
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

    private static int fail(PrintStream err, Exception ex, int exitCode) {
        return fail(err, ex.getMessage() == null ? ex.getClass().getSimpleName() : ex.getMessage(), exitCode);
    }

    private static int fail(PrintStream err, String message, int exitCode) {
        err.println("ingest: " + message.replaceAll("\\s+", " ").strip());
        return exitCode;
    }
}
