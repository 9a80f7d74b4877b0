package dk.amu.catalogue.ingest.ingestion;

import java.time.Duration;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;

import dk.amu.catalogue.ingest.changes.ChangeSet;
import dk.amu.catalogue.eventlog.CatalogueTopics;
import dk.amu.catalogue.ingest.system.IngestProperties;
import dk.amu.catalogue.ingest.system.KafkaClients;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.errors.InvalidProducerEpochException;
import org.apache.kafka.common.errors.ProducerFencedException;
import org.apache.kafka.common.errors.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;

/**
 * One writer per FKB at a time. Every FKB maps to a fixed slot: a lock and a transactional producer
 * whose transactional id is derived from the slot. In this process the lock serialises the FKB's
 * read-diff-write; across processes the shared transactional id fences an older writer, whose
 * transaction then aborts. A document's events and its snapshot are committed together or not at all.
 */
@Component
public class FkbWriters implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(FkbWriters.class);

    private final KafkaClients clients;

    private final SnapshotStore snapshots;

    private final Slot[] slots;

    private final PublishTraces traces;

    FkbWriters(KafkaClients clients, SnapshotStore snapshots, IngestProperties properties, PublishTraces traces) {
        this.clients = clients;
        this.snapshots = snapshots;
        this.traces = traces;
        this.slots = new Slot[properties.transactionSlots()];
        for (int i = 0; i < slots.length; i++) {
            slots[i] = new Slot("amu-catalogue-ingest-" + i);
        }
    }

    /**
     * Runs the read-diff-publish of one FKB while no other writer of that FKB runs. When the publish
     * finds that another writer of the FKB has fenced this one, it reopens the producer, reads what the
     * other writer committed and runs the work once more, so the diff is made against that.
     */
    public <T> T exclusively(String fkbCode, Supplier<T> work) {
        var slot = slotOf(fkbCode);
        slot.lock.lock();
        try {
            slot.producer();
            try {
                return work.get();
            }
            catch (WriterFencedException ex) {
                log.info("Another writer of FKB {} fenced {}; reading what it wrote and trying again", fkbCode,
                        slot.transactionalId);
                slot.producer();
                return work.get();
            }
        }
        finally {
            slot.lock.unlock();
        }
    }

    /** Publishes the events and the new snapshot in one transaction; call inside {@link #exclusively}. */
    public void publish(String fkbCode, ChangeSet changes) {
        var slot = slotOf(fkbCode);
        if (!slot.lock.isHeldByCurrentThread()) {
            throw new IllegalStateException("publish outside exclusively(" + fkbCode + ")");
        }
        var producer = slot.producer();
        try (var trace = traces.publishing(fkbCode, changes.events().size())) {
            producer.beginTransaction();
            for (var event : changes.events()) {
                producer.send(new ProducerRecord<>(CatalogueTopics.EVENTS, null, fkbCode, event, trace.headers()));
            }
            producer.send(new ProducerRecord<>(CatalogueTopics.SNAPSHOTS, null, fkbCode, changes.snapshot(), trace.headers()));
            producer.commitTransaction();
        }
        catch (TimeoutException ex) {
            // a commit that timed out may still complete: do not abort, and do not claim either outcome
            slot.close();
            throw new PublishFailedException("Kafka did not confirm the transaction with " + changes.events().size()
                    + " events of FKB " + fkbCode + " in time; it may or may not have been committed. It is safe to try "
                    + "again: if it was committed, the same document changes nothing", ex);
        }
        catch (KafkaException ex) {
            slot.discard(ex);
            if (isFenced(ex)) {
                throw new WriterFencedException(fkbCode, ex);
            }
            throw new PublishFailedException("could not publish " + changes.events().size() + " events of FKB " + fkbCode
                    + " to Kafka; nothing was committed, try again: " + ex.getMessage(), ex);
        }
        catch (RuntimeException ex) {
            // not Kafka's failure (a serializer's, say), but the transaction is open all the same; left
            // open, every later publish of this slot would fail until a restart
            slot.discard(ex);
            throw ex;
        }
        // the commit returns before its markers are written, and until then a read_committed read of
        // the snapshot topic ends before this snapshot: the next diff of the FKB would repeat these events
        snapshots.committed(changes.snapshot());
    }

    private static boolean isFenced(Throwable failure) {
        for (var cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof ProducerFencedException || cause instanceof InvalidProducerEpochException) {
                return true;
            }
        }
        return false;
    }

    private Slot slotOf(String fkbCode) {
        return slots[Math.floorMod(fkbCode.hashCode(), slots.length)];
    }

    @Override
    public void destroy() {
        for (var slot : slots) {
            slot.close();
        }
    }

    private final class Slot {

        final ReentrantLock lock = new ReentrantLock();

        final String transactionalId;

        KafkaProducer<String, SpecificRecord> producer;

        Slot(String transactionalId) {
            this.transactionalId = transactionalId;
        }

        KafkaProducer<String, SpecificRecord> producer() {
            if (producer == null) {
                KafkaProducer<String, SpecificRecord> created = null;
                try {
                    created = new KafkaProducer<>(clients.transactionalProducer(transactionalId));
                    // fences every other writer with this id, and completes or aborts what it left open
                    created.initTransactions();
                    // so from here on, nobody else writes this slot's FKBs: read what they wrote until now
                    snapshots.catchUp();
                }
                catch (RuntimeException ex) {
                    if (created != null) {
                        created.close(Duration.ZERO);
                    }
                    if (ex instanceof PublishFailedException failure) {
                        throw failure;
                    }
                    throw new PublishFailedException("could not open Kafka transactions as " + transactionalId
                            + "; nothing was written, try again: " + ex.getMessage(), ex);
                }
                producer = created;
            }
            return producer;
        }

        void discard(RuntimeException cause) {
            if (producer == null) {
                return;
            }
            if (!isFenced(cause)) {
                try {
                    producer.abortTransaction();
                }
                catch (KafkaException abortFailure) {
                    log.warn("abort of transaction {} failed; a new producer will fence it", transactionalId, abortFailure);
                }
            }
            close();
        }

        void close() {
            if (producer != null) {
                producer.close(Duration.ofSeconds(5));
                producer = null;
            }
        }
    }
}
