package dk.amu.catalogue.eventconsumer;

import java.util.HashMap;
import java.util.Map;

import dk.amu.catalogue.eventlog.CatalogueTopics;
import dk.amu.catalogue.events.v1.CatalogueEvent;
import dk.amu.catalogue.serde.AvroDeserializer;
import dk.amu.catalogue.serde.AvroSerdeConfig;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.kafka.core.DefaultKafkaConsumerFactory;
import org.springframework.kafka.support.serializer.ErrorHandlingDeserializer;

/**
 * Consumers of the events topic as every consumer service runs them: committed records only, the
 * project's Avro deserializer inside Spring's {@link ErrorHandlingDeserializer} (so a record that
 * cannot be decoded reaches the error handler with its bytes instead of stopping the consumer), and
 * the service's own consumer group.
 */
public final class EventConsumerFactory {

    private EventConsumerFactory() {
    }

    public static DefaultKafkaConsumerFactory<String, CatalogueEvent> create(KafkaProperties kafka, String registryUrl,
            String service) {
        return new DefaultKafkaConsumerFactory<>(properties(kafka, registryUrl, service));
    }

    /** The settings alone, for a plain {@code KafkaConsumer} (a replay) that wants the same decoding. */
    public static Map<String, Object> properties(KafkaProperties kafka, String registryUrl, String service) {
        var props = new HashMap<>(kafka.buildConsumerProperties());
        props.put(ConsumerConfig.GROUP_ID_CONFIG, CatalogueTopics.consumerGroup(service));
        props.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
        props.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ErrorHandlingDeserializer.class);
        props.put(ErrorHandlingDeserializer.VALUE_DESERIALIZER_CLASS, AvroDeserializer.class);
        props.put(AvroSerdeConfig.SCHEMA_REGISTRY_URL, registryUrl);
        props.put(AvroSerdeConfig.SPECIFIC_AVRO_VALUE_TYPE, CatalogueEvent.class.getName());
        // an aborted ingestion must never reach a read model
        props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        // the position that counts is the one in the database; a new group starts from the first event
        props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        return props;
    }
}
