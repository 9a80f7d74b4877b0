package dk.amu.catalogue.eventconsumer;

import java.util.Collection;
import java.util.List;

import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.common.TopicPartition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.listener.ConsumerAwareRebalanceListener;

/**
 * On every assignment, each partition starts where the database says the service stopped, not
 * where the group last committed: the group offset may lag the database (it is committed after
 * it) or be ahead of a database restored from backup. A partition the database has never seen
 * starts from the first record.
 */
public final class SeekToStoredPositions implements ConsumerAwareRebalanceListener {

    private static final Logger log = LoggerFactory.getLogger(SeekToStoredPositions.class);

    private final ConsumerPositions positions;

    public SeekToStoredPositions(ConsumerPositions positions) {
        this.positions = positions;
    }

    @Override
    public void onPartitionsAssigned(Consumer<?, ?> consumer, Collection<TopicPartition> partitions) {
        var stored = positions.stored(partitions);
        for (var partition : partitions) {
            var next = stored.get(partition);
            if (next == null) {
                consumer.seekToBeginning(List.of(partition));
            }
            else {
                consumer.seek(partition, next);
            }
        }
        log.info("Assigned {}; positions from the database: {}", partitions, stored);
    }
}
