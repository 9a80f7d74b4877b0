package dk.amu.catalogue.notifier.consuming;

import java.util.List;

import dk.amu.catalogue.eventconsumer.BatchApplied;
import dk.amu.catalogue.events.v1.CatalogueEvent;
import dk.amu.catalogue.notifier.webhooks.WebhookDispatcher;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.stereotype.Component;

/** A committed batch may have recorded notices that are due now: no need to wait for the dispatcher's next poll. */
@Component
class DispatcherNudge implements BatchApplied {

    private final WebhookDispatcher dispatcher;

    DispatcherNudge(WebhookDispatcher dispatcher) {
        this.dispatcher = dispatcher;
    }

    @Override
    public void committed(List<ConsumerRecord<String, CatalogueEvent>> records) {
        dispatcher.nudge();
    }
}
