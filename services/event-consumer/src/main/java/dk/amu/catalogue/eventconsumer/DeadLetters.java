package dk.amu.catalogue.eventconsumer;

import java.net.ConnectException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLTransientException;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import dk.amu.catalogue.eventlog.CatalogueTopics;
import dk.amu.catalogue.serde.AvroSerdeConfig;
import dk.amu.catalogue.serde.AvroSerializer;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.TransientDataAccessException;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaOperations;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.listener.DeadLetterPublishingRecoverer;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.kafka.support.serializer.DeserializationException;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.util.backoff.ExponentialBackOff;
import org.springframework.util.backoff.FixedBackOff;

/**
 * Where records go that a consumer service cannot decode or apply: {@code <service>.dead-letters},
 * with Spring's origin headers (topic, partition, offset, exception). A record that could not be
 * decoded keeps its original bytes (the {@code ErrorHandlingDeserializer} hands them over, and a
 * {@code ByteArraySerializer} writes them); one that was decoded but could not be applied is
 * encoded again with the project's serializer, which gives the original bytes as long as the log
 * has one schema version.
 *
 * <p>Retries: none for a record that cannot be decoded (it never will be), a few quick ones for a
 * record that failed to apply, and without end for a batch that failed as a whole (the database
 * is down): the consumer waits, paused, and catches up when the database returns.
 */
public final class DeadLetters {

    private static final Logger log = LoggerFactory.getLogger(DeadLetters.class);

    private DeadLetters() {
    }

    /** The dead-letter topic, created at start-up; the broker's default replication. */
    public static NewTopic topic(String service) {
        return CatalogueTopics.deadLetterTopic(service, (short) -1, Optional.empty());
    }

    /**
     * The error handler of the service's listener containers.
     *
     * @param positions where a dead-lettered record's position is recorded, so a restart does not send it twice
     */
    public static DefaultErrorHandler errorHandler(KafkaProperties kafka, String registryUrl, String service,
            MeterRegistry meters, ConsumerPositions positions) {
        var counter = Counter.builder("catalogue.consumer.dead.letters")
                .description("records sent to the dead-letter topic because they could not be decoded or applied")
                .tag("service", service)
                .register(meters);
        var recoverer = new DeadLetterPublishingRecoverer(templates(kafka, registryUrl),
                (record, ex) -> new TopicPartition(CatalogueTopics.deadLetters(service), -1));
        var handler = new DefaultErrorHandler((record, ex) -> {
            if (unavailable(ex)) {
                // the record is fine, the database is not: refusing makes the error handler seek back
                throw new IllegalStateException("not dead-lettering " + record.topic() + "-" + record.partition() + "@"
                        + record.offset() + ": the database is unavailable; it is retried", ex);
            }
            recoverer.accept(record, ex);
            counter.increment();
            log.error("Dead letter: {}-{} offset {} went to {}: {}", record.topic(), record.partition(), record.offset(),
                    CatalogueTopics.deadLetters(service), rootMessage(ex));
            remember(positions, record);
        }, untilTheDatabaseReturns());
        handler.setBackOffFunction((record, ex) -> new FixedBackOff(100, 2));
        handler.addNotRetryableExceptions(DeserializationException.class);
        return handler;
    }

    /** A failure of the database or the network, not of the record: never a reason to park it. */
    static boolean unavailable(Throwable ex) {
        for (var cause = ex; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            if (cause instanceof TransientDataAccessException || cause instanceof DataAccessResourceFailureException
                    || cause instanceof CannotCreateTransactionException || cause instanceof SQLTransientException
                    || cause instanceof SQLNonTransientConnectionException || cause instanceof ConnectException) {
                return true;
            }
        }
        return false;
    }

    private static ExponentialBackOff untilTheDatabaseReturns() {
        var backOff = new ExponentialBackOff(200, 2.0);
        backOff.setMaxInterval(5_000);
        return backOff;
    }

    private static void remember(ConsumerPositions positions, ConsumerRecord<?, ?> record) {
        try {
            positions.store(new TopicPartition(record.topic(), record.partition()), record.offset() + 1);
        }
        catch (RuntimeException ex) {
            // the record is parked already; at worst a restart parks it a second time
            log.warn("Could not record the position after dead letter {}-{}@{}: {}", record.topic(), record.partition(),
                    record.offset(), ex.toString());
        }
    }

    /** Undecodable records carry their bytes; decoded ones are encoded again with the project's serde. */
    private static Map<Class<?>, KafkaOperations<?, ?>> templates(KafkaProperties kafka, String registryUrl) {
        var templates = new LinkedHashMap<Class<?>, KafkaOperations<?, ?>>();
        templates.put(byte[].class, template(kafka, ByteArraySerializer.class, Map.of()));
        templates.put(SpecificRecord.class, template(kafka, AvroSerializer.class, Map.of(
                AvroSerdeConfig.SCHEMA_REGISTRY_URL, registryUrl,
                // the dead-letter topic's subject: registering the event schema there is harmless
                AvroSerdeConfig.AUTO_REGISTER_SCHEMAS, true)));
        return templates;
    }

    private static KafkaTemplate<Object, Object> template(KafkaProperties kafka, Class<?> valueSerializer,
            Map<String, Object> extra) {
        var props = new HashMap<>(kafka.buildProducerProperties());
        props.remove(ProducerConfig.TRANSACTIONAL_ID_CONFIG);
        props.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
        props.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, valueSerializer);
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        props.putAll(extra);
        return new KafkaTemplate<>(new DefaultKafkaProducerFactory<>(props));
    }

    private static String rootMessage(Throwable ex) {
        var root = ex;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.toString();
    }
}
