package dk.amu.catalogue.ingest.cli;

import java.util.Arrays;

import picocli.CommandLine.MissingParameterException;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.UnmatchedArgumentException;

/**
 * picocli's parse errors in the words the command has always used, each followed by the usage, so
 * that an operator's script that reads stderr sees the same line as before.
 */
final class UsageErrors {

    private UsageErrors() {
    }

    static String describe(ParameterException ex, String[] args) {
        return reason(ex, args) + "; " + IngestCommand.USAGE;
    }

    private static String reason(ParameterException ex, String[] args) {
        if (ex instanceof UnmatchedArgumentException unmatched && !unmatched.getUnmatched().isEmpty()) {
            String first = unmatched.getUnmatched().get(0);
            return (first.startsWith("-") ? "unknown option " : "unexpected argument ") + first;
        }
        if (ex instanceof MissingParameterException missing) {
            for (ArgSpec spec : missing.getMissing()) {
                // named on the command line, so what is missing is its value
                if (spec instanceof OptionSpec option && Arrays.asList(args).contains(option.longestName())) {
                    return option.longestName() + " needs a value";
                }
            }
            return missing.getMissing().stream().anyMatch(ArgSpec::isOption) ? "--fkb CODE is required" : "no FILE given";
        }
        return ex.getMessage();
    }
}
