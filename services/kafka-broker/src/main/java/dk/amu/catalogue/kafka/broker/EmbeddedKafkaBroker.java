package dk.amu.catalogue.kafka.broker;

import java.time.Duration;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A single-node Kafka broker in KRaft mode (broker and controller in one), run in this JVM from
 * Apache Kafka's own server classes. The data directory is formatted on first start and reused
 * afterwards, so a restart keeps every topic, record and committed offset.
 */
public final class EmbeddedKafkaBroker implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedKafkaBroker.class);

    private static final Duration READY_TIMEOUT = Duration.ofSeconds(60);

    private final BrokerSettings settings;

    private final KafkaNode node;

    private EmbeddedKafkaBroker(BrokerSettings settings, KafkaNode node) {
        this.settings = settings;
        this.node = node;
    }

    /** Formats the data directory if it is new, starts the broker and waits until it serves clients. */
    public static EmbeddedKafkaBroker start(BrokerSettings settings) {
        var node = new KafkaNode(1, settings.dataDirectory(), brokerProperties(settings));
        node.start();
        var broker = new EmbeddedKafkaBroker(settings, node);
        try {
            ClusterReadiness.awaitNodes(broker.bootstrapServers(), 1, READY_TIMEOUT);
        }
        catch (RuntimeException ex) {
            broker.close();
            throw ex;
        }
        log.info("Kafka broker (KRaft) ready on {} with data in {}", settings.bootstrapServers(), settings.dataDirectory());
        return broker;
    }

    public String bootstrapServers() {
        return settings.bootstrapServers();
    }

    public BrokerSettings settings() {
        return settings;
    }

    @Override
    public void close() {
        node.stop();
    }

    static Map<String, String> brokerProperties(BrokerSettings settings) {
        var host = settings.host();
        // one node: Kafka's own topics cannot have more replicas than there are brokers
        var props = NodeProperties.of(1, "1@" + host + ":" + settings.controllerPort(), host, settings.port(),
                settings.controllerPort(), settings.dataDirectory(), 1, 1);
        props.putAll(settings.overrides());
        return props;
    }
}
