package dk.amu.catalogue.notifier.consuming;

import java.util.List;

import dk.amu.catalogue.eventconsumer.PositionedBatches;
import dk.amu.catalogue.eventlog.CatalogueTopics;
import dk.amu.catalogue.events.v1.CatalogueEvent;
import dk.amu.catalogue.notifier.webhooks.WebhookDispatcher;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/** Kafka transport: each poll of the events topic is one batch, committed with its position; then the dispatcher is nudged. */
@Component
class EventListener {

    static final String ID = "notifier-events";

    private final PositionedBatches batches;

    private final NoticeHandler handler;

    private final WebhookDispatcher dispatcher;

    EventListener(PositionedBatches batches, NoticeHandler handler, WebhookDispatcher dispatcher) {
        this.batches = batches;
        this.handler = handler;
        this.dispatcher = dispatcher;
    }

    @KafkaListener(id = ID, idIsGroup = false, topics = CatalogueTopics.EVENTS,
            containerFactory = "eventListenerContainerFactory", batch = "true")
    void onEvents(List<ConsumerRecord<String, CatalogueEvent>> records) {
        batches.applyOrThrow(records, handler);
        // new notices are due now: no need to wait for the next poll of the scheduler
        dispatcher.nudge();
    }
}
