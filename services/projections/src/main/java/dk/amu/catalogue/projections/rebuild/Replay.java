package dk.amu.catalogue.projections.rebuild;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.LongConsumer;

import dk.amu.catalogue.eventconsumer.ConsumerPositions;
import dk.amu.catalogue.eventconsumer.PositionedBatches;
import dk.amu.catalogue.eventlog.CatalogueTopics;
import dk.amu.catalogue.events.v1.CatalogueEvent;
import dk.amu.catalogue.projections.consuming.Projector;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;

/**
 * Reads the events topic from the positions stored in a schema (offset 0 for a new one) up to
 * given end offsets, and applies it there in large batches, one transaction each. A record that
 * cannot be decoded or applied is skipped: the live consumer has dead-lettered it already, and a
 * rebuild writes nothing to Kafka.
 */
final class Replay {

    private final KafkaConsumer<String, CatalogueEvent> consumer;

    private final PositionedBatches batches;

    private final ConsumerPositions positions;

    private final Projector projector;

    private final Duration pollTimeout;

    Replay(KafkaConsumer<String, CatalogueEvent> consumer, PositionedBatches batches, ConsumerPositions positions,
            Projector projector, Duration pollTimeout) {
        this.consumer = consumer;
        this.batches = batches;
        this.positions = positions;
        this.projector = projector;
        this.pollTimeout = pollTimeout;
    }

    List<TopicPartition> partitions() {
        return consumer.partitionsFor(CatalogueTopics.EVENTS).stream()
                .map(info -> new TopicPartition(info.topic(), info.partition()))
                .toList();
    }

    /** The committed end of each partition now: the last stable offset, as read_committed sees it. */
    Map<TopicPartition, Long> end() {
        return consumer.endOffsets(partitions());
    }

    /** Where the schema's stored positions say the replay resumes. */
    void seekToStored() {
        var partitions = partitions();
        consumer.assign(partitions);
        var stored = positions.all();
        for (var partition : partitions) {
            var next = stored.get(partition);
            if (next == null) {
                consumer.seekToBeginning(List.of(partition));
            }
            else {
                consumer.seek(partition, next);
            }
        }
    }

    /**
     * Applies everything up to {@code end}.
     *
     * @param applied told how many records each batch applied
     * @param skipped told of each record skipped
     */
    void until(Map<TopicPartition, Long> end, LongConsumer applied, LongConsumer skipped) {
        while (!reached(end)) {
            var polled = consumer.poll(pollTimeout);
            var records = new ArrayList<ConsumerRecord<String, CatalogueEvent>>(polled.count());
            polled.forEach(records::add);
            var rest = List.copyOf(records);
            while (!rest.isEmpty()) {
                var failure = batches.apply(rest, projector);
                if (failure.isEmpty()) {
                    applied.accept(rest.size());
                    break;
                }
                var index = failure.get().index();
                applied.accept(index);
                var failed = failure.get().record();
                positions.store(new TopicPartition(failed.topic(), failed.partition()), failed.offset() + 1);
                skipped.accept(1);
                rest = rest.subList(index + 1, rest.size());
            }
        }
    }

    private boolean reached(Map<TopicPartition, Long> end) {
        var behind = new HashMap<TopicPartition, Long>();
        end.forEach((partition, offset) -> {
            if (consumer.position(partition) < offset) {
                behind.put(partition, offset);
            }
        });
        return behind.isEmpty();
    }
}
