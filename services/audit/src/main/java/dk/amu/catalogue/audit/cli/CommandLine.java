package dk.amu.catalogue.audit.cli;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import dk.amu.catalogue.audit.AuditArguments.BadArgumentException;

/** A command and its options, checked against what the command takes. */
record CommandLine(String command, Map<String, String> options, Set<String> flags) {

    static final String USAGE = "usage: audit state [--fkb CODE] [--as-of DATE] [--known-at INSTANT|DATE]"
            + " | history (--course NUMBER | --fkb CODE)... | export [--format csv|jsonl] [--by recorded|effective]"
            + " [--from X] [--to X] [--output FILE] | verify [--topic NAME]";

    private static final List<String> CONNECTION = List.of("--bootstrap-servers", "--registry-url", "--topic");

    private static final Map<String, List<String>> OPTIONS = Map.of(
            "state", List.of("--fkb", "--as-of", "--known-at"),
            "history", List.of("--course", "--fkb"),
            "export", List.of("--format", "--by", "--from", "--to", "--output"),
            "verify", List.of("--snapshot-topic"));

    private static final Set<String> FLAGS = Set.of("--json", "--no-progress");

    static boolean isCommand(String word) {
        return OPTIONS.containsKey(word);
    }

    static CommandLine parse(String[] args) {
        if (args.length == 0 || !isCommand(args[0])) {
            throw new BadArgumentException((args.length == 0 ? "no command given" : "unknown command '" + args[0] + "'")
                    + "; " + USAGE);
        }
        var command = args[0];
        var options = new HashMap<String, String>();
        var flags = new HashSet<String>();
        for (int i = 1; i < args.length; i++) {
            var word = args[i];
            var equals = word.indexOf('=');
            var name = word.startsWith("--") && equals > 0 ? word.substring(0, equals) : word;
            if (FLAGS.contains(name)) {
                flags.add(name);
                continue;
            }
            if (!OPTIONS.get(command).contains(name) && !CONNECTION.contains(name)) {
                throw new BadArgumentException((word.startsWith("--") ? "unknown option " + name : "unexpected argument '"
                        + word + "'") + " for " + command + "; " + USAGE);
            }
            String value;
            if (equals > 0 && word.startsWith("--")) {
                value = word.substring(equals + 1);
            }
            else if (i + 1 < args.length) {
                value = args[++i];
            }
            else {
                throw new BadArgumentException(name + " needs a value; " + USAGE);
            }
            options.put(name, value);
        }
        return new CommandLine(command, Map.copyOf(options), Set.copyOf(flags));
    }

    String option(String name) {
        return options.get(name);
    }

    boolean flag(String name) {
        return flags.contains(name);
    }
}
