package dk.amu.catalogue.audit.cli;

import java.io.IOException;
import java.io.UncheckedIOException;

import dk.amu.catalogue.audit.queries.AuditArguments.BadArgumentException;
import dk.amu.catalogue.audit.replay.KafkaUnavailableException;
import dk.amu.catalogue.serde.SchemaRegistryUnavailableException;
import picocli.CommandLine;
import picocli.CommandLine.MissingParameterException;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.UnmatchedArgumentException;

/** What a failure means to a script (the exit code) and to a person (one line on stderr). */
final class ExitCodes {

    private ExitCodes() {
    }

    /** The exit-code mapper: Kafka or the registry unreachable is a problem of how the command was pointed, as bad usage is. */
    static int of(Throwable ex) {
        if (ex instanceof BadArgumentException || ex instanceof ParameterException
                || ex instanceof KafkaUnavailableException || ex instanceof SchemaRegistryUnavailableException
                || ex instanceof IOException || ex instanceof UncheckedIOException) {
            return AuditCommand.USAGE;
        }
        return AuditCommand.FAILED;
    }

    static int failed(Exception ex, CommandLine command, Session session) {
        session.clearProgress();
        var io = ex instanceof IOException || ex instanceof UncheckedIOException;
        command.getErr().println("audit: " + (io ? "cannot write the output: " : "") + oneLine(ex));
        return command.getExitCodeExceptionMapper().getExitCode(ex);
    }

    /** A line that does not parse: what is wrong, and how the line should look. */
    static int badUsage(ParameterException ex, String[] args) {
        var command = ex.getCommandLine();
        var name = command.getCommandName();
        String problem;
        if (ex instanceof UnmatchedArgumentException unmatched && !unmatched.getUnmatched().isEmpty()) {
            var word = unmatched.getUnmatched().get(0);
            problem = command.getParent() == null ? "unknown command '" + word + "'"
                    : word.startsWith("-") ? "unknown option " + optionName(word) + " for " + name
                    : "unexpected argument '" + word + "' for " + name;
        }
        else if (ex instanceof MissingParameterException missing && missing.getMissing() != null
                && !missing.getMissing().isEmpty() && missing.getMissing().get(0).isOption()) {
            problem = ((CommandLine.Model.OptionSpec) missing.getMissing().get(0)).longestName() + " needs a value";
        }
        else {
            problem = oneLine(ex);
        }
        command.getErr().println("audit: " + problem + "; " + AuditCommand.USAGE_LINE);
        return of(ex);
    }

    private static String optionName(String word) {
        int equals = word.indexOf('=');
        return equals > 0 ? word.substring(0, equals) : word;
    }

    static String oneLine(Throwable ex) {
        var message = ex.getMessage() == null ? ex.getClass().getSimpleName() : ex.getMessage();
        return message.replaceAll("\\s+", " ").strip();
    }
}
