package dk.amu.catalogue.testkit;

import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.Map;
import java.util.stream.Collectors;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ListOffsetsOptions;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.IsolationLevel;
import org.apache.kafka.common.TopicPartition;

/** Waits on what a consumer group has committed, as an operator's lag dashboard would. */
public final class ConsumerGroups {

    private ConsumerGroups() {
    }

    /**
     * Waits until the group has committed, on every partition of the topic, the offset a
     * read_committed reader reaches at the end: nothing is left for it to apply. The end lies past
     * the last transaction's commit marker, so a Spring Kafka consumer reaches it only with
     * {@code ContainerProperties#setFixTxOffsets(true)}, which commits the position past the marker.
     */
    public static void awaitCaughtUp(String bootstrapServers, String groupId, String topic, Duration atMost) {
        try (var admin = Admin.create(Map.<String, Object>of("bootstrap.servers", bootstrapServers))) {
            await().atMost(atMost).pollInterval(Duration.ofMillis(100))
                    .alias("consumer group " + groupId + " caught up with " + topic)
                    .until(() -> lag(admin, groupId, topic) == 0);
        }
    }

    /** What the group has not yet committed, summed over the topic's partitions. */
    public static long lag(String bootstrapServers, String groupId, String topic) {
        try (var admin = Admin.create(Map.<String, Object>of("bootstrap.servers", bootstrapServers))) {
            return lag(admin, groupId, topic);
        }
        catch (Exception ex) {
            throw new IllegalStateException("could not read the lag of " + groupId, ex);
        }
    }

    private static long lag(Admin admin, String groupId, String topic) throws Exception {
        var partitions = admin.describeTopics(java.util.Set.of(topic)).allTopicNames().get().get(topic).partitions()
                .stream().map(p -> new TopicPartition(topic, p.partition()))
                .collect(Collectors.toMap(p -> p, p -> OffsetSpec.latest()));
        var ends = admin.listOffsets(partitions, new ListOffsetsOptions(IsolationLevel.READ_COMMITTED)).all().get();
        Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(groupId)
                .partitionsToOffsetAndMetadata().get();
        long lag = 0;
        for (var end : ends.entrySet()) {
            var position = committed.get(end.getKey());
            lag += end.getValue().offset() - (position == null ? 0 : position.offset());
        }
        return lag;
    }
}
