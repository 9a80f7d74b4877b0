package dk.amu.catalogue.projections.consuming;

import dk.amu.catalogue.eventconsumer.EventConsumer;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;
import org.springframework.stereotype.Component;

/** The live listener's on/off switch, for a rebuild's switch-over. */
@Component
public class LiveConsumer {

    private final KafkaListenerEndpointRegistry registry;

    LiveConsumer(KafkaListenerEndpointRegistry registry) {
        this.registry = registry;
    }

    /** Stops consuming and waits until the batch in hand is committed. */
    public void stop() {
        var container = registry.getListenerContainer(EventConsumer.listenerId(LiveConsumerConfiguration.SERVICE));
        if (container != null && container.isRunning()) {
            container.stop();
        }
    }

    /** Starts again; on assignment it seeks to the positions stored in the live schema. */
    public void start() {
        var container = registry.getListenerContainer(EventConsumer.listenerId(LiveConsumerConfiguration.SERVICE));
        if (container != null && !container.isRunning()) {
            container.start();
        }
    }
}
