package dk.amu.catalogue.eventconsumer;

import java.util.List;

import dk.amu.catalogue.eventlog.CatalogueTopics;
import dk.amu.catalogue.events.v1.CatalogueEvent;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.annotation.KafkaListener;

/**
 * Kafka transport for every consumer service: each poll of the events topic is one batch, applied by
 * the service's {@link BatchHandler} and committed with its position; then the service's {@link BatchApplied} hooks.
 */
class EventBatchListener {

    private final EventConsumer consumer;

    private final PositionedBatches batches;

    private final BatchHandler handler;

    private final List<BatchApplied> afterBatch;

    EventBatchListener(EventConsumer consumer, PositionedBatches batches, BatchHandler handler,
            List<BatchApplied> afterBatch) {
        this.consumer = consumer;
        this.batches = batches;
        this.handler = handler;
        this.afterBatch = List.copyOf(afterBatch);
    }

    /** For the listener's id: {@code __listener} in the annotation is this bean. */
    public String getId() {
        return consumer.listenerId();
    }

    @KafkaListener(id = "#{__listener.id}", idIsGroup = false, topics = CatalogueTopics.EVENTS,
            containerFactory = EventConsumerAutoConfiguration.CONTAINER_FACTORY, batch = "true")
    void onEvents(List<ConsumerRecord<String, CatalogueEvent>> records) {
        batches.applyOrThrow(records, handler);
        afterBatch.forEach(hook -> hook.committed(records));
    }
}
