package dk.amu.catalogue.notifier.system;

import dk.amu.catalogue.eventconsumer.ConsumerPositions;
import dk.amu.catalogue.eventconsumer.DeadLetters;
import dk.amu.catalogue.eventconsumer.EventConsumerFactory;
import dk.amu.catalogue.eventconsumer.ListenerContainers;
import dk.amu.catalogue.eventconsumer.PositionedBatches;
import dk.amu.catalogue.eventconsumer.RecordTraces;
import dk.amu.catalogue.eventconsumer.SeekToStoredPositions;
import dk.amu.catalogue.events.v1.CatalogueEvent;
import dk.amu.catalogue.notifier.warnings.WarningLock;
import dk.amu.catalogue.settings.CatalogueProperties;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.observation.ObservationRegistry;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.kafka.config.ConcurrentKafkaListenerContainerFactory;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/** The events topic's consumer: positions in the {@code notifier} schema, dead letters to {@code notifier.dead-letters}. */
@Configuration(proxyBeanMethods = false)
class ConsumerConfiguration {

    static final String SERVICE = "notifier";

    static final String SCHEMA = "notifier";

    @Bean
    TransactionTemplate transactionTemplate(PlatformTransactionManager transactions) {
        return new TransactionTemplate(transactions);
    }

    @Bean
    ConsumerPositions consumerPositions(JdbcTemplate jdbc) {
        return new ConsumerPositions(jdbc, SCHEMA);
    }

    /** A batch records warnings too: it first takes the warning lock shared, so it never runs beside a warning run. */
    @Bean
    PositionedBatches positionedBatches(TransactionTemplate transactions, ConsumerPositions positions, WarningLock lock) {
        return new PositionedBatches(transactions, positions, lock::beside);
    }

    @Bean
    DefaultErrorHandler eventErrorHandler(KafkaProperties kafka, CatalogueProperties catalogue, MeterRegistry meters,
            ConsumerPositions positions) {
        return DeadLetters.errorHandler(kafka, catalogue.registryUrl(), SERVICE, meters, positions);
    }

    @Bean
    ConcurrentKafkaListenerContainerFactory<String, CatalogueEvent> eventListenerContainerFactory(KafkaProperties kafka,
            CatalogueProperties catalogue, NotifierProperties properties, DefaultErrorHandler eventErrorHandler,
            ConsumerPositions positions) {
        var factory = ListenerContainers.batch(EventConsumerFactory.create(kafka, catalogue.registryUrl(), SERVICE),
                eventErrorHandler, new SeekToStoredPositions(positions), properties.consumers());
        // the group offset is for lag only; past the commit marker, so a caught-up notifier shows no lag
        factory.getContainerProperties().setFixTxOffsets(true);
        return factory;
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
