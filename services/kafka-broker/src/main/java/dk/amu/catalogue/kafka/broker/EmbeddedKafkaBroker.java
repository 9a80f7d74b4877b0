package dk.amu.catalogue.kafka.broker;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.util.Arrays;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import kafka.server.KafkaConfig;
import kafka.server.KafkaRaftServer;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.common.utils.Time;
import org.apache.kafka.metadata.storage.Formatter;
import org.apache.kafka.server.common.Feature;
import org.apache.kafka.server.common.MetadataVersion;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A single-node Kafka broker in KRaft mode (broker and controller in one), run in this JVM from
 * Apache Kafka's own server classes. The data directory is formatted on first start and reused
 * afterwards, so a restart keeps every topic, record and committed offset.
 */
public final class EmbeddedKafkaBroker implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedKafkaBroker.class);

    private static final String CLUSTER_ID = "amu-catalogue-local";

    private static final Duration READY_TIMEOUT = Duration.ofSeconds(60);

    private final BrokerSettings settings;

    private final KafkaRaftServer server;

    private EmbeddedKafkaBroker(BrokerSettings settings, KafkaRaftServer server) {
        this.settings = settings;
        this.server = server;
    }

    /** Formats the data directory if it is new, starts the broker and waits until it serves clients. */
    public static EmbeddedKafkaBroker start(BrokerSettings settings) {
        var config = new KafkaConfig(brokerProperties(settings), false);
        formatIfNew(settings, config);
        var server = new KafkaRaftServer(config, Time.SYSTEM);
        server.startup();
        var broker = new EmbeddedKafkaBroker(settings, server);
        try {
            broker.awaitReady();
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
        server.shutdown();
        server.awaitShutdown();
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
        props.put("auto.create.topics.enable", "false");
        props.put("num.partitions", "1");
        props.putAll(settings.overrides());
        return props;
    }

    private static void formatIfNew(BrokerSettings settings, KafkaConfig config) {
        var dir = settings.dataDirectory().toAbsolutePath();
        if (Files.exists(dir.resolve("meta.properties"))) {
            return;
        }
        try {
            Files.createDirectories(dir);
            new Formatter()
                    .setPrintStream(new PrintStream(OutputStream.nullOutputStream()))
                    .setClusterId(clusterId())
                    .setNodeId(config.nodeId())
                    .setControllerListenerName("CONTROLLER")
                    .setMetadataLogDirectory(config.metadataLogDir())
                    .setDirectories(List.of(dir.toString()))
                    .setSupportedFeatures(Feature.PRODUCTION_FEATURES)
                    .setReleaseVersion(MetadataVersion.LATEST_PRODUCTION)
                    .setIgnoreFormatted(true)
                    .run();
        }
        catch (IOException ex) {
            throw new UncheckedIOException("cannot create the Kafka data directory " + dir, ex);
        }
        catch (Exception ex) {
            throw new IllegalStateException("cannot format the Kafka data directory " + dir + ": " + ex.getMessage(), ex);
        }
    }

    /** Kafka wants a base64 UUID of 16 bytes; a fixed one keeps the local cluster's identity stable. */
    private static String clusterId() {
        var bytes = Arrays.copyOf(CLUSTER_ID.getBytes(StandardCharsets.US_ASCII), 16);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    private void awaitReady() {
        var props = Map.<String, Object>of(
                AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers(),
                AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, (int) READY_TIMEOUT.toMillis());
        try (var admin = Admin.create(props)) {
            admin.describeCluster().nodes().get(READY_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for the Kafka broker", ex);
        }
        catch (ExecutionException | TimeoutException ex) {
            throw new IllegalStateException("the Kafka broker on " + bootstrapServers() + " did not become ready within "
                    + READY_TIMEOUT.toSeconds() + " s", ex);
        }
    }
}
