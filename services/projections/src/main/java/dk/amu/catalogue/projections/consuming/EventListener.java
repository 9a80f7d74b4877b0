package dk.amu.catalogue.projections.consuming;

import java.util.List;

import dk.amu.catalogue.eventconsumer.PositionedBatches;
import dk.amu.catalogue.eventlog.CatalogueTopics;
import dk.amu.catalogue.events.v1.CatalogueEvent;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/** Kafka transport: each poll of the events topic becomes one batch for the live projector. */
@Component
class EventListener {

    /** The listener container's id, by which the rebuild stops and restarts it. */
    static final String ID = "projections-events";

    private final PositionedBatches batches;

    private final Projector projector;

    private final Counter applied;

    EventListener(PositionedBatches batches, LiveProjection live, MeterRegistry meters) {
        this.batches = batches;
        this.projector = live.projector();
        this.applied = Counter.builder("catalogue.projections.events.applied")
                .description("events the live projector has applied or skipped as already applied")
                .register(meters);
    }

    @KafkaListener(id = ID, idIsGroup = false, topics = CatalogueTopics.EVENTS,
            containerFactory = "eventListenerContainerFactory", batch = "true")
    void onEvents(List<ConsumerRecord<String, CatalogueEvent>> records) {
        batches.applyOrThrow(records, projector);
        applied.increment(records.size());
    }
}
