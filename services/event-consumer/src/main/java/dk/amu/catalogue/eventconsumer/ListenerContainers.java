package dk.amu.catalogue.eventconsumer;

import dk.amu.catalogue.events.v1.CatalogueEvent;
import org.springframework.kafka.config.ConcurrentKafkaListenerContainerFactory;
import org.springframework.kafka.core.ConsumerFactory;
import org.springframework.kafka.listener.CommonErrorHandler;
import org.springframework.kafka.listener.ContainerProperties.AckMode;

/**
 * Batch listener containers for the events topic: each poll is one batch, applied in one database
 * transaction; the group offset is committed after it, for lag monitoring only.
 */
public final class ListenerContainers {

    private ListenerContainers() {
    }

    public static ConcurrentKafkaListenerContainerFactory<String, CatalogueEvent> batch(
            ConsumerFactory<String, CatalogueEvent> consumers, CommonErrorHandler errorHandler,
            SeekToStoredPositions seeker, int concurrency) {
        var factory = new ConcurrentKafkaListenerContainerFactory<String, CatalogueEvent>();
        factory.setConsumerFactory(consumers);
        factory.setBatchListener(true);
        factory.setCommonErrorHandler(errorHandler);
        factory.setConcurrency(concurrency);
        var container = factory.getContainerProperties();
        container.setAckMode(AckMode.BATCH);
        container.setConsumerRebalanceListener(seeker);
        // commit past a transaction's commit marker, so a caught-up group shows no lag
        container.setFixTxOffsets(true);
        return factory;
    }
}
