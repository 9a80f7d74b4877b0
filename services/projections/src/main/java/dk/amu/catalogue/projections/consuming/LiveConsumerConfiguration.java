package dk.amu.catalogue.projections.consuming;

import dk.amu.catalogue.eventconsumer.BatchHandler;
import dk.amu.catalogue.eventconsumer.EventConsumer;
import dk.amu.catalogue.projections.system.ProjectionsProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The projections' consumer of the events topic, in the shape {@code event-consumer} gives every consumer
 * service: positions in the live schema, dead letters to {@code projections.dead-letters}, and each live
 * batch first takes the switch-over lock shared, so another instance's rebuild can swap the tables under it;
 * once committed, {@link ProjectedLog} counts and logs it.
 */
@Configuration(proxyBeanMethods = false)
class LiveConsumerConfiguration {

    static final String SERVICE = "projections";

    @Bean
    EventConsumer eventConsumer(ProjectionsProperties properties, SwitchOverLock lock) {
        return EventConsumer.of(SERVICE, LiveProjection.SCHEMA)
                .withConcurrency(properties.consumers())
                .withMaxLag(properties.maxLag())
                .withFirst(lock::liveBatch);
    }

    @Bean
    BatchHandler liveProjector(LiveProjection live) {
        return live.projector();
    }
}
