package dk.amu.catalogue.eventconsumer;

import java.time.Clock;
import java.util.HashMap;

import dk.amu.catalogue.events.v1.CatalogueEvent;
import dk.amu.catalogue.settings.CatalogueProperties;
import dk.amu.catalogue.settings.CatalogueSettingsAutoConfiguration;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.observation.ObservationRegistry;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.autoconfigure.condition.SearchStrategy;
import org.springframework.boot.kafka.autoconfigure.KafkaAutoConfiguration;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.kafka.config.ConcurrentKafkaListenerContainerFactory;
import org.springframework.kafka.core.DefaultKafkaConsumerFactory;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * One shape for every consumer service. A service declares an {@link EventConsumer} (its name, schema
 * and hooks) and a {@link BatchHandler}; it gets the listener container with the known id
 * {@code <service>-events} (and runs the service's {@link BatchApplied} hooks after each committed batch),
 * the {@code ErrorHandlingDeserializer}, the dead letters, the positions stored
 * beside its changes, static membership where an instance id is given, the consumer's health, and the
 * {@link DeadLetterDesk} an operator lists, shows and redrives its dead letters with (redrives need an
 * {@link FkbRedrive} bean, and the table {@code dead_letters_redriven} in the service's schema).
 *
 * <p>Off without a {@link BatchHandler} in the service's own context: ingest and the audit share the
 * standalone's classpath and have none.
 */
@AutoConfiguration(after = { KafkaAutoConfiguration.class, CatalogueSettingsAutoConfiguration.class },
        afterName = "org.springframework.boot.jdbc.autoconfigure.DataSourceTransactionManagerAutoConfiguration")
@ConditionalOnBean(value = BatchHandler.class, search = SearchStrategy.CURRENT)
public class EventConsumerAutoConfiguration {

    /** The listener container factory's bean name. */
    public static final String CONTAINER_FACTORY = "eventListenerContainerFactory";

    @Bean
    @ConditionalOnMissingBean
    ConsumerPositions consumerPositions(JdbcTemplate jdbc, EventConsumer consumer) {
        return new ConsumerPositions(jdbc, consumer.schema());
    }

    @Bean
    RedriveLock redriveLock(JdbcTemplate jdbc, EventConsumer consumer) {
        return new RedriveLock(jdbc, consumer.schema());
    }

    /** Every live batch first keeps a redrive out, then runs the service's own first step. */
    @Bean
    @ConditionalOnMissingBean
    PositionedBatches positionedBatches(PlatformTransactionManager transactions, ConsumerPositions positions,
            EventConsumer consumer, RedriveLock redriveLock) {
        return new PositionedBatches(new TransactionTemplate(transactions), positions, () -> {
            redriveLock.beside();
            consumer.first().run();
        });
    }

    /** The operator's dead letters: listed and shown always, redriven where the service has an {@link FkbRedrive}. */
    @Bean
    DeadLetterDesk deadLetterDesk(KafkaProperties kafka, CatalogueProperties catalogue, EventConsumer consumer,
            JdbcTemplate jdbc, PlatformTransactionManager transactions, ConsumerPositions positions,
            RedriveLock redriveLock, ObjectProvider<FkbRedrive> redrive, ObjectProvider<Clock> clock) {
        var redriven = new RedrivenLetters(jdbc, consumer.schema());
        var service = redrive.getIfAvailable();
        var redriver = service == null ? null : new Redriver(new TransactionTemplate(transactions), positions,
                redriveLock, consumer.first(), new FkbHistory(kafka, catalogue.registryUrl(), consumer.service()),
                redriven, service, clock.getIfAvailable(Clock::systemUTC));
        return new DeadLetterDesk(new DeadLetterReader(kafka, consumer.service()), catalogue.registryUrl(), redriven,
                redriver);
    }

    @Bean
    @ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
    DeadLetterController deadLetterController(DeadLetterDesk desk, EventConsumer consumer) {
        return new DeadLetterController(desk, consumer);
    }

    @Bean
    DefaultErrorHandler eventErrorHandler(KafkaProperties kafka, CatalogueProperties catalogue,
            MeterRegistry meters, ConsumerPositions positions, EventConsumer consumer) {
        return DeadLetters.errorHandler(kafka, catalogue.registryUrl(), consumer.service(), meters, positions);
    }

    @Bean
    StaticMembership staticMembership(KafkaProperties kafka, CatalogueProperties catalogue, EventConsumer consumer) {
        return new StaticMembership(kafka, consumer.service(), catalogue.instanceId());
    }

    @Bean(CONTAINER_FACTORY)
    ConcurrentKafkaListenerContainerFactory<String, CatalogueEvent> eventListenerContainerFactory(KafkaProperties kafka,
            CatalogueProperties catalogue, DefaultErrorHandler eventErrorHandler, ConsumerPositions positions,
            EventConsumer consumer, StaticMembership membership) {
        // only the listener containers' consumers are static members: never a replay's or a rebuild's
        var properties = new HashMap<>(EventConsumerFactory.properties(kafka, catalogue.registryUrl(), consumer.service()));
        properties.putAll(membership.consumerProperties());
        return ListenerContainers.batch(new DefaultKafkaConsumerFactory<>(properties), eventErrorHandler,
                new SeekToStoredPositions(positions), consumer.concurrency());
    }

    @Bean
    EventBatchListener eventBatchListener(EventConsumer consumer, PositionedBatches batches, BatchHandler handler,
            ObjectProvider<BatchApplied> afterBatch) {
        return new EventBatchListener(consumer, batches, handler, afterBatch.orderedStream().toList());
    }

    /** The upload's trace, from each record's header, around what the service logs for it. */
    @Bean
    @ConditionalOnMissingBean
    RecordTraces recordTraces(ObjectProvider<ObservationRegistry> observations, EventConsumer consumer) {
        return new RecordTraces(observations.getIfAvailable(() -> ObservationRegistry.NOOP), consumer.service());
    }

    @Bean
    KafkaAdmin.NewTopics deadLetterTopic(EventConsumer consumer) {
        return new KafkaAdmin.NewTopics(DeadLetters.topic(consumer.service()));
    }

    @Bean
    ConsumerLag consumerLag(KafkaProperties kafka, MeterRegistry meters, EventConsumer consumer) {
        return new ConsumerLag(kafka, meters, consumer.service());
    }

    @Bean("consumer")
    ConsumerHealth consumerHealth(ConsumerLag lag, MeterRegistry meters, EventConsumer consumer) {
        return new ConsumerHealth(lag, consumer.maxLag(), meters);
    }
}
