package dk.amu.catalogue.eventconsumer;

import java.util.List;

import dk.amu.catalogue.events.v1.CatalogueEvent;
import org.apache.kafka.clients.consumer.ConsumerRecord;

/** What a service does once a batch is committed with its position: never part of the batch's transaction. */
@FunctionalInterface
public interface BatchApplied {

    void committed(List<ConsumerRecord<String, CatalogueEvent>> records);
}
