package dk.amu.catalogue.standalone.deadletters;

import java.io.PrintStream;
import java.io.PrintWriter;
import java.net.URI;
import java.util.Map;
import java.util.concurrent.Callable;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import tools.jackson.databind.JsonNode;

/**
 * {@code dead-letters list|show|redrive --service projections|notifier}: the operator's view of a running
 * service's dead letters, through its HTTP API with the admin token from {@code CATALOGUE_ADMIN_TOKEN}
 * (never an argument, where {@code ps} would show it). Exit codes: 0 done, 1 failed (the one line on
 * stderr says why), 2 bad usage.
 */
@Command(name = "dead-letters", mixinStandardHelpOptions = true,
        description = "List, show and redrive a running service's dead letters.",
        subcommands = { DeadLettersCommand.List.class, DeadLettersCommand.Show.class, DeadLettersCommand.Redrive.class })
public final class DeadLettersCommand {

    static final String TOKEN = "CATALOGUE_ADMIN_TOKEN";

    enum Service {
        projections(8080), notifier(8083);

        final int port;

        Service(int port) {
            this.port = port;
        }
    }

    @Option(names = "--service", required = true, scope = CommandLine.ScopeType.INHERIT,
            description = "projections or notifier")
    Service service;

    @Option(names = "--url", scope = CommandLine.ScopeType.INHERIT,
            description = "the service's base URL; default http://127.0.0.1:8080 (projections) or :8083 (notifier)")
    URI url;

    private Map<String, String> environment;

    private PrintStream out;

    /** Runs the command line; answers the exit code. */
    public static int run(String[] args, Map<String, String> environment, PrintStream out, PrintStream err) {
        var command = new DeadLettersCommand();
        command.environment = environment;
        command.out = out;
        var line = new CommandLine(command);
        line.setOut(new PrintWriter(out, true));
        line.setErr(new PrintWriter(err, true));
        line.setParameterExceptionHandler((ex, arguments) -> {
            err.println("dead-letters: " + ex.getMessage() + " (see dead-letters --help)");
            return 2;
        });
        line.setExecutionExceptionHandler((ex, commandLine, parseResult) -> {
            err.println("dead-letters: " + (ex instanceof DeadLettersClient.Failure ? "" : ex.getClass().getSimpleName()
                    + ": ") + ex.getMessage());
            return 1;
        });
        if (args.length == 0) {
            err.println("dead-letters: say list, show or redrive (see dead-letters --help)");
            return 2;
        }
        return line.execute(args);
    }

    DeadLettersClient client(CommandLine commandLine) {
        var token = environment.get(TOKEN);
        if (token == null || token.isBlank()) {
            throw new ParameterException(commandLine, "set " + TOKEN + " to the service's admin token");
        }
        var base = url != null ? url : URI.create("http://127.0.0.1:" + service.port);
        return new DeadLettersClient(base.toString().endsWith("/") ? base : URI.create(base + "/"), token.strip());
    }

    @Command(name = "list", description = "List the dead letters, oldest first.")
    static final class List implements Callable<Integer> {

        @ParentCommand
        DeadLettersCommand parent;

        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Option(names = "--from", defaultValue = "0", description = "offset in the dead-letter topic to start at")
        long from;

        @Option(names = "--limit", defaultValue = "100", description = "at most this many (1 to 500)")
        int limit;

        @Override
        public Integer call() throws Exception {
            var page = parent.client(spec.commandLine()).get("api/admin/dead-letters?from=" + from + "&limit=" + limit);
            var table = new DeadLetterTable(parent.out);
            table.letters(page.get("letters"));
            if (!page.get("next").isNull()) {
                parent.out.println("more: --from " + page.get("next").asLong());
            }
            return 0;
        }
    }

    @Command(name = "show", description = "Show one dead letter decoded, or its bytes and why they cannot be.")
    static final class Show implements Callable<Integer> {

        @ParentCommand
        DeadLettersCommand parent;

        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Parameters(index = "0", paramLabel = "PARTITION/OFFSET", description = "its place, as the list shows it")
        String place;

        @Override
        public Integer call() throws Exception {
            var detail = parent.client(spec.commandLine()).get("api/admin/dead-letters/" + Place.parse(spec, place));
            new DeadLetterTable(parent.out).detail(detail);
            return 0;
        }
    }

    @Command(name = "redrive", description = "Apply one dead letter, or all (--all), again to its own service.")
    static final class Redrive implements Callable<Integer> {

        @ParentCommand
        DeadLettersCommand parent;

        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Parameters(index = "0", arity = "0..1", paramLabel = "PARTITION/OFFSET", description = "its place, as the list shows it")
        String place;

        @Option(names = "--all", description = "every dead letter not redriven yet")
        boolean all;

        @Override
        public Integer call() throws Exception {
            if (all == (place != null)) {
                throw new ParameterException(spec.commandLine(), "give either PARTITION/OFFSET or --all");
            }
            var client = parent.client(spec.commandLine());
            var table = new DeadLetterTable(parent.out);
            if (all) {
                JsonNode results = client.post("api/admin/dead-letters/redrive");
                table.results(results);
                for (var result : results) {
                    if (result.get("outcome").asString().equals("STILL_FAILING")) {
                        throw new DeadLettersClient.Failure("some dead letters still fail; their causes are listed above", null);
                    }
                }
                return 0;
            }
            table.results(java.util.List.of(client.post("api/admin/dead-letters/" + Place.parse(spec, place) + "/redrive")));
            return 0;
        }
    }

    /** {@code 0/17} as the list prints it. */
    record Place(int partition, long offset) {

        static String parse(CommandLine.Model.CommandSpec spec, String text) {
            var parts = text.split("/", -1);
            try {
                if (parts.length == 2) {
                    var place = new Place(Integer.parseInt(parts[0]), Long.parseLong(parts[1]));
                    if (place.partition() >= 0 && place.offset() >= 0) {
                        return place.partition() + "/" + place.offset();
                    }
                }
            }
            catch (NumberFormatException ex) {
                // answered below
            }
            throw new ParameterException(spec.commandLine(), "'" + text + "' is not a place like 0/17 (partition/offset)");
        }
    }
}
