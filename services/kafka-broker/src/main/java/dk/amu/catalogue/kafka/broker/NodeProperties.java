package dk.amu.catalogue.kafka.broker;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/**
 * What every KRaft node started here is given, the single broker and each node of the cluster alike:
 * broker and controller in one process on the loopback listeners, Kafka's own topics sized to the
 * nodes there are, and no topic made by accident.
 */
final class NodeProperties {

    private NodeProperties() {
    }

    /**
     * @param voters    the controller quorum, {@code id@host:port,...}
     * @param replicas  replicas of Kafka's own topics (offsets, transactions, share groups)
     * @param minInSync their minimum in-sync replicas
     */
    static Map<String, String> of(int nodeId, String voters, String host, int port, int controllerPort, Path logDirectory,
            int replicas, int minInSync) {
        var props = new HashMap<String, String>();
        props.put("process.roles", "broker,controller");
        props.put("node.id", String.valueOf(nodeId));
        props.put("controller.quorum.voters", voters);
        props.put("listeners", "PLAINTEXT://" + host + ":" + port + ",CONTROLLER://" + host + ":" + controllerPort);
        props.put("advertised.listeners", "PLAINTEXT://" + host + ":" + port);
        props.put("controller.listener.names", "CONTROLLER");
        props.put("inter.broker.listener.name", "PLAINTEXT");
        props.put("listener.security.protocol.map", "PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT");
        props.put("log.dirs", logDirectory.toAbsolutePath().toString());
        props.put("offsets.topic.replication.factor", String.valueOf(replicas));
        props.put("offsets.topic.num.partitions", "6");
        props.put("transaction.state.log.replication.factor", String.valueOf(replicas));
        props.put("transaction.state.log.min.isr", String.valueOf(minInSync));
        props.put("transaction.state.log.num.partitions", "6");
        props.put("share.coordinator.state.topic.replication.factor", String.valueOf(replicas));
        props.put("share.coordinator.state.topic.min.isr", String.valueOf(minInSync));
        props.put("group.initial.rebalance.delay.ms", "0");
        // a starting broker moves from fenced to serving one heartbeat at a time (registered, caught up,
        // unfenced): at the default 2 s that is seconds of a start spent waiting
        props.put("broker.heartbeat.interval.ms", "500");
        props.put("auto.create.topics.enable", "false");
        props.put("num.partitions", "1");
        return props;
    }
}
