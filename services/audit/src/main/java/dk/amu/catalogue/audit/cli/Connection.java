package dk.amu.catalogue.audit.cli;

import picocli.CommandLine.Option;

/** The options every command takes: where the log is, and how to print. */
final class Connection {

    @Option(names = "--bootstrap-servers", paramLabel = "HOST:PORT",
            description = "Kafka's bootstrap servers (default: spring.kafka.bootstrap-servers, 127.0.0.1:9092)")
    String bootstrapServers;

    @Option(names = "--registry-url", paramLabel = "URL",
            description = "the schema registry (default: catalogue.registry-url, http://127.0.0.1:8081)")
    String registryUrl;

    @Option(names = "--topic", paramLabel = "NAME", description = "the log to read, or a copy of it (default: amu.catalogue.events.v1)")
    String topic;

    @Option(names = "--json", description = "print JSON for programs instead of a table")
    boolean json;

    @Option(names = "--no-progress", description = "no progress bar on stderr (there is none where stderr is not a terminal)")
    boolean noProgress;

    @Option(names = { "-h", "--help" }, usageHelp = true, description = "Show this help and exit.")
    boolean help;

    /** Only verify reads the snapshots; set by its own option. */
    String snapshotTopic;
}
