package dk.amu.catalogue.audit.cli;

import java.io.PrintStream;
import java.io.PrintWriter;
import java.util.Map;
import java.util.Set;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code audit state|history|export|verify ...}: the audit from a terminal or a script, without a
 * web server. Tables for people, {@code --json} for machines, {@code --help} for each command.
 * Exit codes a script can trust: 0 answered (verify: the log is intact), 1 verification failed or
 * the log cannot be read as a log, 2 bad usage or Kafka or the registry unreachable
 * ({@link ExitCodes}); every failure is one line on stderr.
 */
@Command(name = "audit", description = "Answers from the event log alone: as-of state, history, export, verification.")
public final class AuditCommand implements Runnable {

    public static final int OK = 0;

    public static final int FAILED = 1;

    public static final int USAGE = 2;

    static final String USAGE_LINE = "usage: audit state [--fkb CODE] [--as-of DATE] [--known-at INSTANT|DATE]"
            + " | history (--course NUMBER | --fkb CODE)... | export [--format csv|jsonl] [--by recorded|effective]"
            + " [--from X] [--to X] [--output FILE] | verify [--topic NAME]; audit COMMAND --help tells more";

    private static final Set<String> COMMANDS = Set.of("state", "history", "export", "verify");

    @Option(names = { "-h", "--help" }, usageHelp = true, description = "Show this help and exit.")
    boolean help;

    @Spec
    CommandSpec spec;

    private AuditCommand() {
    }

    /** Whether a word starts the command line rather than the web service. */
    public static boolean isCommand(String word) {
        return COMMANDS.contains(word) || word.equals("--help") || word.equals("-h");
    }

    public static int run(String[] args, PrintStream out, PrintStream err) {
        return run(args, Map.of(), out, err);
    }

    /** @param settings Spring properties that win over audit.yml (the options on the line win over them) */
    public static int run(String[] args, Map<String, Object> settings, PrintStream out, PrintStream err) {
        var session = new Session(settings, out, err);
        var line = new CommandLine(new AuditCommand())
                .addSubcommand(new StateCommand(session))
                .addSubcommand(new HistoryCommand(session))
                .addSubcommand(new ExportCommand(session))
                .addSubcommand(new VerifyCommand(session))
                // as before picocli: the last of a repeated option counts
                .setOverwrittenOptionsAllowed(true)
                .setOut(new PrintWriter(out, true))
                .setErr(new PrintWriter(err, true))
                .setParameterExceptionHandler(ExitCodes::badUsage)
                .setExitCodeExceptionMapper(ExitCodes::of)
                .setExecutionExceptionHandler((ex, command, parsed) -> ExitCodes.failed(ex, command, session));
        return line.execute(args);
    }

    @Override
    public void run() {
        throw new ParameterException(spec.commandLine(), "no command given");
    }
}
