package dk.amu.catalogue.cluster.support;

import java.nio.ByteBuffer;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import java.util.stream.Collectors;

import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.message.FindCoordinatorResponseData;
import org.apache.kafka.common.message.MetadataResponseData;
import org.apache.kafka.common.message.ProduceResponseData;
import org.apache.kafka.common.protocol.ByteBufferAccessor;
import org.apache.kafka.common.requests.RequestHeader;

/**
 * What {@link FirstBatchRaceProxy} knows of the cluster: the proxy's address for each broker, which it
 * puts in place of the broker's own wherever a response names one (so a client that bootstraps from
 * the proxy never connects around it), and the topics' names by id, learnt from the metadata
 * responses (produce requests name topics by id only from version 13 on).
 */
final class ProxiedBrokers {

    record Address(String host, int port) {

        static Address parse(String hostAndPort) {
            int colon = hostAndPort.lastIndexOf(':');
            return new Address(hostAndPort.substring(0, colon), Integer.parseInt(hostAndPort.substring(colon + 1)));
        }

        @Override
        public String toString() {
            return host + ":" + port;
        }
    }

    /** A broker's address to the proxy's address for it. */
    private final Map<Address, Address> proxyFor = new ConcurrentHashMap<>();

    private final Map<Uuid, String> topicNames = new ConcurrentHashMap<>();

    void add(Address broker, Address proxy) {
        proxyFor.put(broker, proxy);
    }

    String bootstrapServers() {
        return proxyFor.values().stream().map(Address::toString).collect(Collectors.joining(","));
    }

    /** The name of a topic that a produce request or response names, or identifies by id only. */
    String topicName(String name, Uuid topicId) {
        if (name != null && !name.isEmpty()) {
            return name;
        }
        return topicNames.getOrDefault(topicId, topicId.toString());
    }

    /** The response as the client gets it, framed: with the proxy's address wherever it names a broker's. */
    byte[] rewritten(RequestHeader request, byte[] content) {
        return switch (request.apiKey()) {
            case METADATA -> {
                var body = new MetadataResponseData(accessor(request, content), request.apiVersion());
                learnTopics(body);
                body.brokers().forEach(broker -> proxied(broker.host(), broker.port(),
                        proxy -> broker.setHost(proxy.host()).setPort(proxy.port())));
                yield KafkaFrames.response(request, body);
            }
            case FIND_COORDINATOR -> {
                var body = new FindCoordinatorResponseData(accessor(request, content), request.apiVersion());
                // one coordinator up to version 3, a list from version 4 on
                proxied(body.host(), body.port(), proxy -> body.setHost(proxy.host()).setPort(proxy.port()));
                body.coordinators().forEach(coordinator -> proxied(coordinator.host(), coordinator.port(),
                        proxy -> coordinator.setHost(proxy.host()).setPort(proxy.port())));
                yield KafkaFrames.response(request, body);
            }
            case PRODUCE -> {
                // from version 10 on, a produce response names the new leader of a partition that moved
                var body = new ProduceResponseData(accessor(request, content), request.apiVersion());
                body.nodeEndpoints().forEach(node -> proxied(node.host(), node.port(),
                        proxy -> node.setHost(proxy.host()).setPort(proxy.port())));
                yield body.nodeEndpoints().isEmpty() ? KafkaFrames.framed(content) : KafkaFrames.response(request, body);
            }
            default -> KafkaFrames.framed(content);
        };
    }

    private void learnTopics(MetadataResponseData metadata) {
        metadata.topics().forEach(topic -> {
            if (topic.name() != null && !Uuid.ZERO_UUID.equals(topic.topicId())) {
                topicNames.put(topic.topicId(), topic.name());
            }
        });
    }

    private void proxied(String host, int port, Consumer<Address> replace) {
        var proxy = proxyFor.get(new Address(host, port));
        if (proxy != null) {
            replace.accept(proxy);
        }
    }

    private static ByteBufferAccessor accessor(RequestHeader request, byte[] content) {
        ByteBuffer body = KafkaFrames.body(request, content);
        return new ByteBufferAccessor(body);
    }
}
