package dk.amu.catalogue.projections.system;

import dk.amu.catalogue.eventconsumer.DeadLetters;
import dk.amu.catalogue.eventconsumer.EventConsumerFactory;
import dk.amu.catalogue.eventconsumer.ListenerContainers;
import dk.amu.catalogue.eventconsumer.PositionedBatches;
import dk.amu.catalogue.eventconsumer.RecordTraces;
import dk.amu.catalogue.eventconsumer.SeekToStoredPositions;
import dk.amu.catalogue.events.v1.CatalogueEvent;
import dk.amu.catalogue.projections.consuming.LiveProjection;
import dk.amu.catalogue.projections.rebuild.RebuildLocks;
import dk.amu.catalogue.settings.CatalogueProperties;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.observation.ObservationRegistry;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.config.ConcurrentKafkaListenerContainerFactory;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/** The events topic's consumer: positions in the database, dead letters to {@code projections.dead-letters}. */
@Configuration(proxyBeanMethods = false)
class ConsumerConfiguration {

    static final String SERVICE = "projections";

    /** Each live batch first takes the switch-over lock shared, so another instance's rebuild can swap the tables under it. */
    @Bean
    PositionedBatches positionedBatches(PlatformTransactionManager transactions, LiveProjection live, RebuildLocks locks) {
        return new PositionedBatches(new TransactionTemplate(transactions), live.positions(), locks::liveBatch);
    }

    @Bean
    DefaultErrorHandler eventErrorHandler(KafkaProperties kafka, CatalogueProperties catalogue, MeterRegistry meters,
            LiveProjection live) {
        return DeadLetters.errorHandler(kafka, catalogue.registryUrl(), SERVICE, meters, live.positions());
    }

    @Bean
    ConcurrentKafkaListenerContainerFactory<String, CatalogueEvent> eventListenerContainerFactory(KafkaProperties kafka,
            CatalogueProperties catalogue, ProjectionsProperties properties, DefaultErrorHandler eventErrorHandler,
            LiveProjection live) {
        return ListenerContainers.batch(EventConsumerFactory.create(kafka, catalogue.registryUrl(), SERVICE),
                eventErrorHandler, new SeekToStoredPositions(live.positions()), properties.consumers());
    }

    /** The upload's trace, from each record's header, around what the service logs for it. */
    @Bean
    RecordTraces recordTraces(ObjectProvider<ObservationRegistry> observations) {
        return new RecordTraces(observations.getIfAvailable(() -> ObservationRegistry.NOOP), SERVICE);
    }

    @Bean
    KafkaAdmin.NewTopics deadLetterTopic() {
        return new KafkaAdmin.NewTopics(DeadLetters.topic(SERVICE));
    }
}
