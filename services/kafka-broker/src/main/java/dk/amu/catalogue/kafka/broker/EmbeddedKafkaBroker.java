package dk.amu.catalogue.kafka.broker;

import java.time.Duration;
import java.util.HashMap;
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
        var props = new HashMap<String, String>();
        props.put("process.roles", "broker,controller");
        props.put("node.id", "1");
        props.put("controller.quorum.voters", "1@" + host + ":" + settings.controllerPort());
        props.put("listeners", "PLAINTEXT://" + host + ":" + settings.port() + ",CONTROLLER://" + host + ":" + settings.controllerPort());
        props.put("advertised.listeners", "PLAINTEXT://" + host + ":" + settings.port());
        props.put("controller.listener.names", "CONTROLLER");
        props.put("inter.broker.listener.name", "PLAINTEXT");
        props.put("listener.security.protocol.map", "PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT");
        props.put("log.dirs", settings.dataDirectory().toAbsolutePath().toString());
        // one node: internal topics cannot have more replicas than there are brokers
        props.put("offsets.topic.replication.factor", "1");
        props.put("offsets.topic.num.partitions", "6");
        props.put("transaction.state.log.replication.factor", "1");
        props.put("transaction.state.log.min.isr", "1");
        props.put("transaction.state.log.num.partitions", "6");
        props.put("share.coordinator.state.topic.replication.factor", "1");
        props.put("share.coordinator.state.topic.min.isr", "1");
        props.put("group.initial.rebalance.delay.ms", "0");
        // a starting broker moves from fenced to serving one heartbeat at a time (registered, caught up,
        // unfenced): at the default 2 s that is seconds of a start spent waiting; one node has no one to flood
        props.put("broker.heartbeat.interval.ms", "500");
        props.put("auto.create.topics.enable", "false");
        props.put("num.partitions", "1");
        props.putAll(settings.overrides());
        return props;
    }
}
