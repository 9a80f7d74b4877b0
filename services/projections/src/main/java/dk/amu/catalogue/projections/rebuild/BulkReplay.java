package dk.amu.catalogue.projections.rebuild;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.function.LongConsumer;

import dk.amu.catalogue.eventconsumer.ConsumerPositions;
import dk.amu.catalogue.events.v1.CatalogueEvent;
import dk.amu.catalogue.projections.consuming.BulkProjection;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;

/**
 * A rebuild's first pass: the whole log from offset 0 into the shadow's empty tables, folded in
 * memory and written with COPY (see {@link BulkProjection}). It ends by storing, in the shadow, the
 * position of every partition, from where {@link Replay} catches up the last events with the live
 * consumer's own transactional path. A record that cannot be decoded or applied is left out, as the
 * live consumer dead-lettered it already.
 */
final class BulkReplay {

    private final KafkaConsumer<String, CatalogueEvent> consumer;

    private final BulkProjection projection;

    private final ConsumerPositions positions;

    private final Duration pollTimeout;

    BulkReplay(KafkaConsumer<String, CatalogueEvent> consumer, BulkProjection projection, ConsumerPositions positions,
            Duration pollTimeout) {
        this.consumer = consumer;
        this.projection = projection;
        this.positions = positions;
        this.pollTimeout = pollTimeout;
    }

    /**
     * Reads from the beginning of every partition of {@code end} until each reaches its end offset.
     *
     * @param applied told how many records each poll applied
     * @param skipped told of each record left out
     */
    void fromStart(Map<TopicPartition, Long> end, LongConsumer applied, LongConsumer skipped) {
        consumer.assign(end.keySet());
        consumer.seekToBeginning(end.keySet());
        // as the live consumer stores them: after the last record read, for partitions with records
        var next = new HashMap<TopicPartition, Long>();
        while (!reached(end)) {
            long appliedNow = 0;
            for (var record : consumer.poll(pollTimeout)) {
                next.put(new TopicPartition(record.topic(), record.partition()), record.offset() + 1);
                if (record.value() != null && projection.apply(record.value())) {
                    appliedNow++;
                }
                else {
                    skipped.accept(1);
                }
            }
            applied.accept(appliedNow);
        }
        projection.finish();
        positions.store(next);
    }

    private boolean reached(Map<TopicPartition, Long> end) {
        for (var entry : end.entrySet()) {
            if (consumer.position(entry.getKey()) < entry.getValue()) {
                return false;
            }
        }
        return true;
    }
}
