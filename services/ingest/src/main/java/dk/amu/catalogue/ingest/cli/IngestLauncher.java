package dk.amu.catalogue.ingest.cli;

import java.util.Arrays;

import dk.amu.catalogue.ingest.IngestApplication;

/**
 * The main class of {@code ingest-exec.jar}: {@code ingest --fkb CODE FILE...} runs the command line,
 * anything else starts the service. It sits beside the command rather than in the application class,
 * so that the application does not depend on its own command line and the command can build the
 * application's context.
 */
public final class IngestLauncher {

    private IngestLauncher() {
    }

    public static void main(String[] args) {
        if (args.length > 0 && args[0].equals("ingest")) {
            System.exit(IngestCommand.run(Arrays.copyOfRange(args, 1, args.length)));
        }
        IngestApplication.main(args);
    }
}
