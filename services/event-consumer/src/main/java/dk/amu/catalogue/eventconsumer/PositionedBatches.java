package dk.amu.catalogue.eventconsumer;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import dk.amu.catalogue.events.v1.CatalogueEvent;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.kafka.listener.BatchListenerFailedException;
import org.springframework.kafka.support.serializer.SerializationUtils;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Applies a batch of records and stores the consumer position in one database transaction, so a
 * crash at any moment leaves either both or neither. Records below the stored position were applied
 * before (a redelivery after a crash or a rebalance) and are skipped.
 *
 * <p>When one record cannot be decoded or applied, the records before it are applied and committed
 * with their position, and the failure names that record: a listener throws it as
 * {@link BatchListenerFailedException}, so the error handler dead-letters exactly that record and
 * the container redelivers the rest; a replay may just go on past it.
 */
public final class PositionedBatches {

    private final TransactionTemplate transactions;

    private final ConsumerPositions positions;

    private final Runnable first;

    public PositionedBatches(TransactionTemplate transactions, ConsumerPositions positions) {
        this(transactions, positions, () -> {
        });
    }

    /**
     * @param first run first in every transaction, before the stored positions are read: a lock
     *              that another instance takes exclusively to swap the tables under the consumer
     *              (a rebuild's switch-over) must be held before any table is touched
     */
    public PositionedBatches(TransactionTemplate transactions, ConsumerPositions positions, Runnable first) {
        this.transactions = transactions;
        this.positions = positions;
        this.first = first;
    }

    /** The record that failed, and why; empty when the whole batch was applied. */
    public record Failure(ConsumerRecord<String, CatalogueEvent> record, int index, Exception cause) {
    }

    /** For a batch listener: applies the batch, or throws for the one record that failed. */
    public void applyOrThrow(List<ConsumerRecord<String, CatalogueEvent>> records, BatchHandler handler) {
        apply(records, handler).ifPresent(failure -> {
            throw new BatchListenerFailedException("record " + failure.record().topic() + "-"
                    + failure.record().partition() + "@" + failure.record().offset() + " cannot be applied: "
                    + failure.cause().getMessage(), failure.cause(), failure.index());
        });
    }

    public Optional<Failure> apply(List<ConsumerRecord<String, CatalogueEvent>> records, BatchHandler handler) {
        if (records.isEmpty()) {
            return Optional.empty();
        }
        var decoded = undecodableIndex(records);
        var candidates = records.subList(0, decoded.index());
        try {
            transactions.executeWithoutResult(status -> applyNew(candidates, handler));
        }
        catch (RecordFailedException ex) {
            var failed = ex.index();
            // nothing was written: commit the records before the failing one, which applied cleanly
            transactions.executeWithoutResult(status -> applyNew(candidates.subList(0, failed), handler));
            return Optional.of(new Failure(candidates.get(failed), failed, (Exception) ex.getCause()));
        }
        catch (DataIntegrityViolationException ex) {
            return oneByOne(candidates, handler);
        }
        return decoded.cause() == null ? Optional.empty()
                : Optional.of(new Failure(records.get(decoded.index()), decoded.index(), decoded.cause()));
    }

    /** A batch the database refused: find the record it refuses, applying each alone. */
    private Optional<Failure> oneByOne(List<ConsumerRecord<String, CatalogueEvent>> records, BatchHandler handler) {
        for (int i = 0; i < records.size(); i++) {
            var one = records.subList(i, i + 1);
            try {
                transactions.executeWithoutResult(status -> applyNew(one, handler));
            }
            catch (RecordFailedException | DataIntegrityViolationException ex) {
                var cause = ex instanceof RecordFailedException failed ? (Exception) failed.getCause() : ex;
                return Optional.of(new Failure(records.get(i), i, cause));
            }
        }
        return Optional.empty();
    }

    private void applyNew(List<ConsumerRecord<String, CatalogueEvent>> records, BatchHandler handler) {
        if (records.isEmpty()) {
            return;
        }
        first.run();
        var stored = positions.stored(records.stream().map(PositionedBatches::partition).distinct().toList());
        var fresh = records.stream()
                .filter(record -> record.offset() >= stored.getOrDefault(partition(record), 0L))
                .toList();
        if (fresh.isEmpty()) {
            return;
        }
        try {
            handler.apply(fresh);
        }
        catch (RecordFailedException ex) {
            // report the index in the caller's list, not in the fresh subset
            throw new RecordFailedException(records.indexOf(fresh.get(ex.index())), ex.getCause());
        }
        var next = new HashMap<TopicPartition, Long>();
        fresh.forEach(record -> next.merge(partition(record), record.offset() + 1, Math::max));
        positions.store(next);
    }

    private record Undecodable(int index, Exception cause) {
    }

    private static Undecodable undecodableIndex(List<ConsumerRecord<String, CatalogueEvent>> records) {
        for (int i = 0; i < records.size(); i++) {
            var record = records.get(i);
            if (record.value() == null) {
                var header = record.headers().lastHeader(SerializationUtils.VALUE_DESERIALIZER_EXCEPTION_HEADER);
                Exception cause = header == null ? new IllegalArgumentException("record has no value")
                        : SerializationUtils.byteArrayToDeserializationException(null, header);
                return new Undecodable(i, cause);
            }
        }
        return new Undecodable(records.size(), null);
    }

    static TopicPartition partition(ConsumerRecord<?, ?> record) {
        return new TopicPartition(record.topic(), record.partition());
    }
}
