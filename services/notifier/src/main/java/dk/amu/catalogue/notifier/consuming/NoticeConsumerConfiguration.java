package dk.amu.catalogue.notifier.consuming;

import dk.amu.catalogue.eventconsumer.EventConsumer;
import dk.amu.catalogue.notifier.system.NotifierProperties;
import dk.amu.catalogue.notifier.warnings.WarningLock;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The notifier's consumer of the events topic, in the shape {@code event-consumer} gives every consumer
 * service: {@link NoticeHandler} applies each batch, positions in the {@code notifier} schema, dead letters
 * to {@code notifier.dead-letters}. A batch records warnings too: it first takes the warning lock shared,
 * so it never runs beside a warning run.
 */
@Configuration(proxyBeanMethods = false)
class NoticeConsumerConfiguration {

    static final String SERVICE = "notifier";

    static final String SCHEMA = "notifier";

    @Bean
    EventConsumer eventConsumer(NotifierProperties properties, WarningLock lock) {
        return EventConsumer.of(SERVICE, SCHEMA)
                .withConcurrency(properties.consumers())
                .withFirst(lock::beside);
    }
}
