package dk.amu.catalogue.kafka.broker;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import kafka.server.KafkaConfig;
import kafka.server.KafkaRaftServer;
import org.apache.kafka.common.utils.Time;
import org.apache.kafka.metadata.storage.Formatter;
import org.apache.kafka.server.common.Feature;
import org.apache.kafka.server.common.MetadataVersion;

/**
 * One KRaft node (broker and controller in one) from Apache Kafka's own server classes: its data
 * directory is formatted on first start and reused afterwards, so a node stopped and started again
 * keeps its logs, its metadata and its place in the quorum.
 */
final class KafkaNode {

    private static final String CLUSTER_ID = "amu-catalogue-local";

    private final int nodeId;

    private final Path dataDirectory;

    private final Map<String, String> properties;

    /** Set while the node starts, runs or stops, so a start that hangs can still be stopped. */
    private volatile KafkaRaftServer server;

    KafkaNode(int nodeId, Path dataDirectory, Map<String, String> properties) {
        this.nodeId = nodeId;
        this.dataDirectory = dataDirectory.toAbsolutePath();
        this.properties = Map.copyOf(properties);
    }

    int nodeId() {
        return nodeId;
    }

    Path dataDirectory() {
        return dataDirectory;
    }

    /**
     * Formats the directory if it is new and starts the node. With several controllers this returns
     * only once a quorum has formed, so the nodes of a new cluster must start side by side.
     */
    void start() {
        if (server != null) {
            throw new IllegalStateException("Kafka node " + nodeId + " is already running");
        }
        var config = new KafkaConfig(properties, false);
        formatIfNew(config);
        var starting = new KafkaRaftServer(config, Time.SYSTEM);
        server = starting;
        try {
            starting.startup();
        }
        catch (RuntimeException ex) {
            stop();
            throw ex;
        }
    }

    boolean running() {
        return server != null;
    }

    void stop() {
        var running = server;
        if (running == null) {
            return;
        }
        try {
            running.shutdown();
            running.awaitShutdown();
        }
        finally {
            server = null;
        }
    }

    private void formatIfNew(KafkaConfig config) {
        if (Files.exists(dataDirectory.resolve("meta.properties"))) {
            return;
        }
        try {
            Files.createDirectories(dataDirectory);
            new Formatter()
                    .setPrintStream(new PrintStream(OutputStream.nullOutputStream()))
                    .setClusterId(clusterId())
                    .setNodeId(config.nodeId())
                    .setControllerListenerName("CONTROLLER")
                    .setMetadataLogDirectory(config.metadataLogDir())
                    .setDirectories(List.of(dataDirectory.toString()))
                    .setSupportedFeatures(Feature.PRODUCTION_FEATURES)
                    .setReleaseVersion(MetadataVersion.LATEST_PRODUCTION)
                    .setIgnoreFormatted(true)
                    .run();
        }
        catch (IOException ex) {
            throw new UncheckedIOException("cannot create the Kafka data directory " + dataDirectory, ex);
        }
        catch (Exception ex) {
            throw new IllegalStateException("cannot format the Kafka data directory " + dataDirectory + ": " + ex.getMessage(), ex);
        }
    }

    /** Kafka wants a base64 UUID of 16 bytes; a fixed one keeps the local cluster's identity stable. */
    private static String clusterId() {
        var bytes = Arrays.copyOf(CLUSTER_ID.getBytes(StandardCharsets.US_ASCII), 16);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
