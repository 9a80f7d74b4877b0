package dk.amu.catalogue.eventconsumer;

import java.util.List;
import java.util.Set;

import dk.amu.catalogue.events.v1.CatalogueEvent;
import org.apache.kafka.clients.consumer.ConsumerRecord;

/**
 * How a consumer service applies one FKB's history again, for a redrive of its dead letters. A later
 * event of the FKB may have been applied past the dead letter, and a fold skips sequences at or below
 * its FKB's head; so a redrive does what a rebuild of that one FKB would: the service forgets the FKB,
 * then applies its history from the log. Both calls run inside one database transaction, after the
 * service's {@link EventConsumer#first()} hook, with the consumer positions untouched; either both hold
 * or neither.
 *
 * <p>A service without this bean can list and show its dead letters, but not redrive them.
 */
public interface FkbRedrive {

    /** Forgets everything the service holds for this FKB, as if it had never seen one of its events. */
    void forget(String fkbCode);

    /**
     * Applies records of the FKB's history, oldest first, as its {@link BatchHandler} would. Only the parked
     * records were never applied: they alone may cause anything beyond the service's own state (a message
     * to a school); the others were applied before, and tell no one anything again.
     *
     * @param parked the offsets of the parked records among them (the dead letters being redriven)
     * @throws RecordFailedException when one record cannot be applied; the records before it may have been
     *                               written, and are given again: like a fold, apply skips what it has applied
     */
    void apply(List<ConsumerRecord<String, CatalogueEvent>> history, Set<Long> parked);

    /** Called once the whole history is applied, still inside the transaction: what the service defers to the end. */
    default void applied(String fkbCode) {
    }
}
