package dk.amu.catalogue.standalone;

import java.util.Arrays;
import java.util.List;
import java.util.Map;

import dk.amu.catalogue.audit.cli.AuditCommand;
import dk.amu.catalogue.ingest.cli.IngestCommand;
import dk.amu.catalogue.standalone.deadletters.DeadLettersCommand;
import dk.amu.catalogue.standalone.launch.OptimizedLaunch;
import dk.amu.catalogue.standalone.logging.ServiceLabels;

/**
 * The jar's main: a command line, or else the whole system ({@link StandaloneApplication}). A class of
 * its own, so that a command starts without loading {@link StandaloneApplication}, whose Spring
 * types the JVM loads and checks before its {@code main} runs: a command is over in a few seconds,
 * and each class loaded from the jar counts.
 */
public final class StandaloneMain {

    private StandaloneMain() {
    }

    public static void main(String[] args) {
        var command = args.length > 0 ? args[0] : "";
        if (command.equals("ingest") || command.equals("audit")) {
            // one service's command line: what runs on its main thread is that service's
            ServiceLabels.register(command, 0, List.of("main"));
        }
        var rest = args.length > 0 ? Arrays.copyOfRange(args, 1, args.length) : args;
        switch (command) {
            case "ingest" -> System.exit(IngestCommand.run(rest, Map.of("catalogue.ingest.auto-register-schemas", true),
                    System.out, System.err));
            case "audit" -> System.exit(AuditCommand.run(rest, System.out, System.err));
            case "dead-letters" -> System.exit(DeadLettersCommand.run(rest, System.getenv(), System.out, System.err));
            default -> runtime(args);
        }
    }

    /** In a JVM of its own when started by {@code java -jar} (see {@link OptimizedLaunch}), else in this one. */
    private static void runtime(String[] args) {
        var launched = OptimizedLaunch.relaunch(StandaloneMain.class, args);
        if (launched.isPresent()) {
            System.exit(launched.get());
        }
        if (System.getProperty(OptimizedLaunch.LAUNCHED_AT) != null) {
            OptimizedLaunch.haltWithLauncher();
        }
        StandaloneApplication.start(args);
    }
}
