package dk.amu.catalogue.registry;

/**
 * Where the embedded registry keeps its state and where it listens.
 *
 * @param bootstrapServers the Kafka cluster holding the registry's topic
 * @param host             the address the HTTP server binds to; {@value #DEFAULT_HOST} when blank
 * @param port             the HTTP port; 0 picks a free port (tests)
 * @param topic            the compacted topic the registry stores every change in; {@value #DEFAULT_TOPIC} when blank
 */
public record RegistrySettings(String bootstrapServers, String host, int port, String topic) {

    public static final String DEFAULT_TOPIC = "_schemas";

    public static final String DEFAULT_HOST = "127.0.0.1";

    public static final int DEFAULT_PORT = 8081;

    public RegistrySettings {
        if (bootstrapServers == null || bootstrapServers.isBlank()) {
            throw new IllegalArgumentException("the schema registry needs Kafka bootstrap servers");
        }
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("the schema registry port must be between 0 and 65535, got " + port);
        }
        host = host == null || host.isBlank() ? DEFAULT_HOST : host;
        topic = topic == null || topic.isBlank() ? DEFAULT_TOPIC : topic;
    }

    /** The usual local setup: loopback, port {@value #DEFAULT_PORT}, topic {@value #DEFAULT_TOPIC}. */
    public static RegistrySettings of(String bootstrapServers) {
        return new RegistrySettings(bootstrapServers, DEFAULT_HOST, DEFAULT_PORT, DEFAULT_TOPIC);
    }

    /** Loopback on a free port, for tests that start their own registry. */
    public static RegistrySettings onFreePort(String bootstrapServers) {
        return new RegistrySettings(bootstrapServers, DEFAULT_HOST, 0, DEFAULT_TOPIC);
    }

    public RegistrySettings withTopic(String otherTopic) {
        return new RegistrySettings(bootstrapServers, host, port, otherTopic);
    }

    public RegistrySettings withPort(int otherPort) {
        return new RegistrySettings(bootstrapServers, host, otherPort, topic);
    }
}
