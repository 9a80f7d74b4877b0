package dk.amu.catalogue.eventconsumer;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import dk.amu.catalogue.eventlog.CatalogueTopics;
import dk.amu.catalogue.events.v1.CatalogueEvent;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;

/**
 * One FKB's events from the log, as the service's consumer decodes them: its key's partition from
 * offset 0 up to a given position, committed records only, with no group. A record that cannot be
 * decoded comes with a null value and the decoder's exception in its headers, as it does to the
 * listener. Only the FKB's records are kept; the rest of the partition is read and dropped.
 */
final class FkbHistory {

    private static final Duration POLL = Duration.ofMillis(200);

    /** Reading a partition takes seconds even for a large log; past this, the broker is not answering. */
    private static final Duration DEADLINE = Duration.ofMinutes(2);

    private final Map<String, Object> settings;

    FkbHistory(KafkaProperties kafka, String registryUrl, String service) {
        var props = new HashMap<>(EventConsumerFactory.properties(kafka, registryUrl, service));
        props.remove(ConsumerConfig.GROUP_ID_CONFIG);
        props.remove(ConsumerConfig.GROUP_INSTANCE_ID_CONFIG);
        props.put(ConsumerConfig.CLIENT_ID_CONFIG, service + "-redrive");
        props.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 5_000);
        this.settings = Map.copyOf(props);
    }

    /** The FKB's records in {@code partition} below {@code until}, oldest first. */
    List<ConsumerRecord<String, CatalogueEvent>> read(String fkbCode, int partition, long until) {
        var history = new ArrayList<ConsumerRecord<String, CatalogueEvent>>();
        var events = new TopicPartition(CatalogueTopics.EVENTS, partition);
        try (var consumer = new KafkaConsumer<String, CatalogueEvent>(settings)) {
            consumer.assign(List.of(events));
            consumer.seekToBeginning(List.of(events));
            var deadline = Instant.now().plus(DEADLINE);
            while (consumer.position(events) < until) {
                for (var record : consumer.poll(POLL)) {
                    if (record.offset() < until && fkbCode.equals(record.key())) {
                        history.add(record);
                    }
                }
                if (Instant.now().isAfter(deadline)) {
                    throw new DeadLettersUnavailableException("could not read " + events + " up to offset " + until + " within "
                            + DEADLINE.toSeconds() + " s: is Kafka reachable?", null);
                }
            }
        }
        return history;
    }
}
