package dk.amu.catalogue.eventconsumer;

import java.time.Clock;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import dk.amu.catalogue.events.v1.CatalogueEvent;
import dk.amu.catalogue.eventconsumer.RedriveResult.Outcome;
import dk.amu.catalogue.eventconsumer.RedrivenLetters.Origin;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;
import org.springframework.kafka.support.serializer.SerializationUtils;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Redrives the dead letters of one FKB into their own service, never through Kafka: in one database
 * transaction, with every live batch held off ({@link RedriveLock}), it reads the FKB's history from its
 * partition of the events topic up to the service's stored position, has the service forget the FKB and
 * apply that history ({@link FkbRedrive}), and records the dead letters it applied. The positions stay as
 * they are: what lies beyond them is the live consumer's, as before. Like a rebuild, it skips another
 * record of the history that still cannot be decoded or applied; when that record is the one redriven,
 * the cause is not fixed and nothing changes.
 */
final class Redriver {

    private final TransactionTemplate transactions;

    private final ConsumerPositions positions;

    private final RedriveLock lock;

    private final Runnable first;

    private final FkbHistory history;

    private final RedrivenLetters redriven;

    private final FkbRedrive service;

    private final Clock clock;

    Redriver(TransactionTemplate transactions, ConsumerPositions positions, RedriveLock lock, Runnable first,
            FkbHistory history, RedrivenLetters redriven, FkbRedrive service, Clock clock) {
        this.transactions = transactions;
        this.positions = positions;
        this.lock = lock;
        this.first = first;
        this.history = history;
        this.redriven = redriven;
        this.service = service;
        this.clock = clock;
    }

    /** A failure of the record, not of the database: the transaction is rolled back and the operator told. */
    private static final class StillFailing extends RuntimeException {

        StillFailing(String message) {
            super(message);
        }
    }

    /**
     * @param target  the dead letter to redrive, not redriven yet
     * @param sameFkb the service's other unredriven dead letters of the same FKB and origin partition
     */
    RedriveResult redrive(DeadLetter target, List<DeadLetter> sameFkb) {
        try {
            return transactions.execute(status -> inTransaction(target, sameFkb));
        }
        catch (StillFailing ex) {
            return RedriveResult.of(target, Outcome.STILL_FAILING, ex.getMessage());
        }
        catch (RuntimeException ex) {
            if (DeadLetters.unavailable(ex) || ex instanceof DeadLettersUnavailableException
                    || ex instanceof org.apache.kafka.common.KafkaException) {
                throw ex;
            }
            return RedriveResult.of(target, Outcome.STILL_FAILING, "the FKB's history could not be applied, "
                    + "nothing changed: " + rootMessage(ex));
        }
    }

    private RedriveResult inTransaction(DeadLetter target, List<DeadLetter> sameFkb) {
        lock.alone();
        first.run();
        var partition = new TopicPartition(target.originTopic(), target.originPartition());
        var position = positions.stored(List.of(partition)).get(partition);
        if (position == null || position <= target.originOffset()) {
            return RedriveResult.of(target, Outcome.NOT_PASSED, "the consumer has not passed " + partition + "@"
                    + target.originOffset() + " yet, so it will apply it itself; nothing to redrive");
        }
        var records = history.read(target.fkbCode(), target.originPartition(), position);
        var own = records.stream().filter(r -> r.offset() == target.originOffset()).findFirst()
                .orElseThrow(() -> new StillFailing("the events topic has no record of FKB " + target.fkbCode() + " at "
                        + partition + "@" + target.originOffset()));
        if (own.value() == null) {
            throw new StillFailing("the record still cannot be decoded: " + decodingError(own));
        }
        var parked = new HashSet<Long>();
        parked.add(target.originOffset());
        sameFkb.forEach(other -> parked.add(other.originOffset()));
        service.forget(target.fkbCode());
        var applied = apply(records.stream().filter(r -> r.value() != null).toList(), target, parked);
        service.applied(target.fkbCode());
        var now = clock.instant();
        var along = new ArrayList<String>();
        var origins = new ArrayList<Origin>();
        origins.add(new Origin(target.originTopic(), target.originPartition(), target.originOffset()));
        for (var other : sameFkb) {
            if (other.originOffset() != target.originOffset() && applied.contains(other.originOffset())) {
                origins.add(new Origin(other.originTopic(), other.originPartition(), other.originOffset()));
                along.add(other.partition() + "/" + other.offset());
            }
        }
        redriven.record(origins, now);
        return new RedriveResult(target.redrivenAt(now), Outcome.REDRIVEN, "applied again with the "
                + applied.size() + " events of FKB " + target.fkbCode() + " up to " + partition + "@" + position,
                applied.size(), along);
    }

    /** Applies the history, skipping what still fails but the target; answers the offsets applied. */
    private Set<Long> apply(List<ConsumerRecord<String, CatalogueEvent>> records, DeadLetter target, Set<Long> parked) {
        var applied = new HashSet<Long>();
        var rest = records;
        while (!rest.isEmpty()) {
            try {
                service.apply(rest, parked);
                rest.forEach(r -> applied.add(r.offset()));
                return applied;
            }
            catch (RecordFailedException ex) {
                var failed = rest.get(ex.index());
                if (failed.offset() == target.originOffset()) {
                    throw new StillFailing("the record still cannot be applied: " + rootMessage(ex));
                }
                var before = rest.subList(0, ex.index());
                service.apply(before, parked);
                before.forEach(r -> applied.add(r.offset()));
                rest = rest.subList(ex.index() + 1, rest.size());
            }
        }
        return applied;
    }

    private static String decodingError(ConsumerRecord<String, CatalogueEvent> record) {
        var header = record.headers().lastHeader(SerializationUtils.VALUE_DESERIALIZER_EXCEPTION_HEADER);
        if (header == null) {
            return "it has no value";
        }
        var ex = SerializationUtils.byteArrayToDeserializationException(null, header);
        return ex == null ? "unknown" : rootMessage(ex);
    }

    static String rootMessage(Throwable ex) {
        var root = ex;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getClass().getSimpleName() + ": " + root.getMessage();
    }
}
