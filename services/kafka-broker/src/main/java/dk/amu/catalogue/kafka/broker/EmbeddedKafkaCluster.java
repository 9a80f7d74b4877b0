package dk.amu.catalogue.kafka.broker;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ListTopicsOptions;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A Kafka cluster of several KRaft nodes in this JVM, each broker and controller in one, run from
 * Apache Kafka's own server classes. Every node votes in the controller quorum, so with three nodes
 * the cluster keeps working while any one is down. Topics get three replicas and need two in sync
 * unless they say otherwise, the internal ones included.
 *
 * <p>A node can be {@linkplain #kill killed} and {@linkplain #restart restarted} on the same ports
 * and data directory. A kill is a crash as far as the rest of the cluster can tell: the node does not
 * hand over its leaderships first (no controlled shutdown), so the controller moves them only once
 * the node has missed its heartbeats for {@value #SESSION_TIMEOUT_MS} ms, and clients see their
 * connections refused until then. (Its files are closed cleanly, so a restart needs no log recovery.)
 */
public final class EmbeddedKafkaCluster implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedKafkaCluster.class);

    /** How long the controller waits for a silent node's heartbeat before it fences the node and moves its leaders. */
    static final int SESSION_TIMEOUT_MS = 5_000;

    private static final Duration READY_TIMEOUT = Duration.ofSeconds(90);

    private final ClusterSettings settings;

    private final Map<Integer, KafkaNode> nodes;

    private EmbeddedKafkaCluster(ClusterSettings settings, Map<Integer, KafkaNode> nodes) {
        this.settings = settings;
        this.nodes = nodes;
    }

    /** Formats the new data directories, starts every node side by side and waits until all of them serve clients. */
    public static EmbeddedKafkaCluster start(ClusterSettings settings) {
        var nodes = new LinkedHashMap<Integer, KafkaNode>();
        for (int id = 1; id <= settings.size(); id++) {
            nodes.put(id, new KafkaNode(id, settings.dataDirectory(id), nodeProperties(settings, id)));
        }
        var cluster = new EmbeddedKafkaCluster(settings, nodes);
        try {
            // a node returns from its start only once a quorum of controllers has formed: start them together
            var starts = nodes.values().stream().map(node -> CompletableFuture.runAsync(node::start,
                    command -> new Thread(command, "kafka-node-" + node.nodeId() + "-start").start())).toList();
            CompletableFuture.allOf(starts.toArray(CompletableFuture[]::new))
                    .get(READY_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
            ClusterReadiness.awaitNodes(settings.bootstrapServers(), settings.size(), READY_TIMEOUT);
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            cluster.close();
            throw new IllegalStateException("interrupted while starting the Kafka cluster", ex);
        }
        catch (ExecutionException | TimeoutException | CompletionException ex) {
            cluster.close();
            throw new IllegalStateException("the Kafka cluster of " + settings.size() + " nodes in " + settings.dataDirectory()
                    + " did not start within " + READY_TIMEOUT.toSeconds() + " s: " + ex.getMessage(), ex);
        }
        catch (RuntimeException ex) {
            cluster.close();
            throw ex;
        }
        log.info("Kafka cluster (KRaft, {} nodes) ready on {} with data in {}", settings.size(), settings.bootstrapServers(),
                settings.dataDirectory());
        return cluster;
    }

    /** Every node's address; clients go on through the others while one is down. */
    public String bootstrapServers() {
        return settings.bootstrapServers();
    }

    public ClusterSettings settings() {
        return settings;
    }

    public int size() {
        return nodes.size();
    }

    /** The nodes (from 1) that are running now. */
    public Set<Integer> runningNodes() {
        var running = new TreeSet<Integer>();
        nodes.forEach((id, node) -> {
            if (node.running()) {
                running.add(id);
            }
        });
        return running;
    }

    /** Stops node {@code nodeId} without handing anything over first, as a crash would; its data stays. */
    public void kill(int nodeId) {
        var node = node(nodeId);
        if (!node.running()) {
            throw new IllegalStateException("Kafka node " + nodeId + " is not running");
        }
        node.stop();
        log.info("Kafka node {} killed", nodeId);
    }

    /** Starts a killed node again on its ports and data directory; returns once it serves clients again. */
    public void restart(int nodeId) {
        var node = node(nodeId);
        node.start();
        ClusterReadiness.awaitNodes(settings.bootstrapServers(nodeId), runningNodes().size(), READY_TIMEOUT);
        log.info("Kafka node {} restarted on {}", nodeId, settings.bootstrapServers(nodeId));
    }

    /**
     * Every partition, internal topics included, whose in-sync replicas are fewer than its replicas,
     * as {@code topic-partition}: empty once a restarted node has caught up everywhere, which is when
     * the cluster can lose another node without refusing writes that need two replicas.
     */
    public List<String> underReplicatedPartitions() {
        try (var admin = Admin.create(Map.<String, Object>of(
                AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, settings.bootstrapServers(),
                AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 10_000,
                AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 15_000))) {
            var names = admin.listTopics(new ListTopicsOptions().listInternal(true)).names().get(15, TimeUnit.SECONDS);
            var under = new ArrayList<String>();
            admin.describeTopics(names).allTopicNames().get(15, TimeUnit.SECONDS).forEach((topic, description) ->
                    description.partitions().forEach(partition -> {
                        if (partition.leader() == null || partition.isr().size() < partition.replicas().size()) {
                            under.add(topic + "-" + partition.partition());
                        }
                    }));
            return under;
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while describing the cluster's topics", ex);
        }
        catch (ExecutionException | TimeoutException ex) {
            throw new IllegalStateException("could not describe the topics of the cluster on " + bootstrapServers(), ex);
        }
    }

    /** Stops every running node, side by side: one at a time, the last ones would wait for a quorum that is gone. */
    @Override
    public void close() {
        var stops = nodes.values().stream().filter(KafkaNode::running)
                .map(node -> CompletableFuture.runAsync(node::stop,
                        command -> new Thread(command, "kafka-node-" + node.nodeId() + "-stop").start()))
                .toList();
        stops.forEach(stop -> {
            try {
                stop.join();
            }
            catch (CompletionException ex) {
                log.warn("A Kafka node did not stop cleanly: {}", ex.getCause().toString());
            }
        });
    }

    private KafkaNode node(int nodeId) {
        settings.ports(nodeId);
        return nodes.get(nodeId);
    }

    static Map<String, String> nodeProperties(ClusterSettings settings, int nodeId) {
        var host = settings.host();
        var ports = settings.ports(nodeId);
        int replicas = Math.min(3, settings.size());
        int minInSync = Math.max(1, replicas - 1);
        var props = NodeProperties.of(nodeId, settings.quorumVoters(), host, ports.port(), ports.controllerPort(),
                settings.dataDirectory(nodeId), replicas, minInSync);
        // every topic that does not say otherwise, the internal ones included, survives the loss of a node
        props.put("default.replication.factor", String.valueOf(replicas));
        props.put("min.insync.replicas", String.valueOf(minInSync));
        props.put("unclean.leader.election.enable", "false");
        // a stop is a crash to the others; they notice within the session timeout
        props.put("controlled.shutdown.enable", "false");
        props.put("broker.session.timeout.ms", String.valueOf(SESSION_TIMEOUT_MS));
        // several brokers share this JVM's cores: fewer threads each than a broker of its own would start
        props.put("num.network.threads", "2");
        props.put("num.io.threads", "2");
        props.put("background.threads", "2");
        props.put("num.replica.fetchers", "1");
        props.put("log.cleaner.threads", "1");
        props.put("num.recovery.threads.per.data.dir", "1");
        props.putAll(settings.overrides());
        return props;
    }
}
