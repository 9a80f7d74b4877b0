package dk.amu.catalogue.eventconsumer;

import java.util.List;

import dk.amu.catalogue.events.v1.CatalogueEvent;
import org.apache.kafka.clients.consumer.ConsumerRecord;

/** A service's change for a run of decoded records, made inside the transaction {@link PositionedBatches} opens. */
@FunctionalInterface
public interface BatchHandler {

    /**
     * @throws RecordFailedException when one record cannot be applied (before anything is written);
     *                               any other exception fails the batch as a whole, to be retried
     */
    void apply(List<ConsumerRecord<String, CatalogueEvent>> records);
}
