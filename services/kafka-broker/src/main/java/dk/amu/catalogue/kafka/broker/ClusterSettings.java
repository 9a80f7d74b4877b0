package dk.amu.catalogue.kafka.broker;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Where the nodes of an in-process KRaft cluster keep their data and which ports they listen on.
 * Node {@code n} (from 1) keeps its data in {@code dataDirectory/node-n} and always gets the same
 * two ports, so a node stopped and started again comes back as itself.
 *
 * @param dataDirectory the parent of every node's log and metadata directory; kept across restarts
 * @param host          the address every listener binds to and every node advertises
 * @param nodes         the client and controller ports of each node, node 1 first
 * @param overrides     further broker properties for every node, applied last
 */
public record ClusterSettings(Path dataDirectory, String host, List<NodePorts> nodes, Map<String, String> overrides) {

    /** @param port the client (PLAINTEXT) port; @param controllerPort the KRaft controller port */
    public record NodePorts(int port, int controllerPort) {
    }

    public ClusterSettings {
        nodes = List.copyOf(nodes);
        overrides = Map.copyOf(overrides);
        if (nodes.isEmpty()) {
            throw new IllegalArgumentException("a cluster needs at least one node");
        }
        var ports = new HashSet<Integer>();
        for (var node : nodes) {
            if (node.port() <= 0 || node.controllerPort() <= 0 || !ports.add(node.port()) || !ports.add(node.controllerPort())) {
                throw new IllegalArgumentException("every node needs two positive ports no other node uses, got " + nodes);
            }
        }
    }

    /** A cluster of {@code size} nodes on free loopback ports, for tests and harnesses that start their own. */
    public static ClusterSettings onFreePorts(Path dataDirectory, int size) {
        var ports = new java.util.LinkedHashSet<Integer>();
        while (ports.size() < 2 * size) {
            ports.add(BrokerSettings.freePort());
        }
        var free = new ArrayList<>(ports);
        var nodes = new ArrayList<NodePorts>();
        for (int i = 0; i < size; i++) {
            nodes.add(new NodePorts(free.get(2 * i), free.get(2 * i + 1)));
        }
        return new ClusterSettings(dataDirectory, "127.0.0.1", nodes, Map.of());
    }

    public ClusterSettings withOverrides(Map<String, String> more) {
        var merged = new HashMap<>(overrides);
        merged.putAll(more);
        return new ClusterSettings(dataDirectory, host, nodes, merged);
    }

    public int size() {
        return nodes.size();
    }

    /** Every node's client address: a client finds the cluster through any one that is up. */
    public String bootstrapServers() {
        return nodes.stream().map(node -> host + ":" + node.port()).collect(Collectors.joining(","));
    }

    /** The client address of node {@code nodeId} (from 1). */
    public String bootstrapServers(int nodeId) {
        return host + ":" + ports(nodeId).port();
    }

    NodePorts ports(int nodeId) {
        if (nodeId < 1 || nodeId > nodes.size()) {
            throw new IllegalArgumentException("no node " + nodeId + " in a cluster of " + nodes.size() + "; nodes count from 1");
        }
        return nodes.get(nodeId - 1);
    }

    Path dataDirectory(int nodeId) {
        return dataDirectory.resolve("node-" + nodeId);
    }

    /** Every node votes in the controller quorum: {@code id@host:controllerPort,...}. */
    String quorumVoters() {
        var voters = new ArrayList<String>();
        for (int id = 1; id <= nodes.size(); id++) {
            voters.add(id + "@" + host + ":" + ports(id).controllerPort());
        }
        return String.join(",", voters);
    }
}
