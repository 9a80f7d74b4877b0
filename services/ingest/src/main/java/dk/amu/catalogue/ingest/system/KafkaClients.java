package dk.amu.catalogue.ingest.system;

import java.util.HashMap;
import java.util.Map;

import dk.amu.catalogue.serde.AvroDeserializer;
import dk.amu.catalogue.settings.CatalogueProperties;
import dk.amu.catalogue.serde.AvroSerdeConfig;
import dk.amu.catalogue.serde.AvroSerializer;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.stereotype.Component;

/**
 * Client settings for the service's own producers and consumers: Spring Boot's {@code spring.kafka.*}
 * plus the project's Avro serde pointed at the configured registry.
 */
@Component
public class KafkaClients {

    private final KafkaProperties kafka;

    private final IngestProperties properties;

    private final CatalogueProperties catalogue;

    KafkaClients(KafkaProperties kafka, IngestProperties properties, CatalogueProperties catalogue) {
        this.kafka = kafka;
        this.properties = properties;
        this.catalogue = catalogue;
    }

    /** A transactional, idempotent producer's settings; every FKB maps to one transactional id. */
    public Map<String, Object> transactionalProducer(String transactionalId) {
        var props = new HashMap<>(kafka.buildProducerProperties());
        props.putAll(serde());
        props.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
        props.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, AvroSerializer.class);
        props.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        props.put(ProducerConfig.TRANSACTIONAL_ID_CONFIG, transactionalId);
        props.put(ProducerConfig.LINGER_MS_CONFIG, 5);
        // a writer that dies mid-transaction blocks read_committed readers of its partitions until its
        // transaction is aborted; ingest transactions last milliseconds, so let the broker abort early
        props.put(ProducerConfig.TRANSACTION_TIMEOUT_CONFIG, 15_000);
        return props;
    }

    /** An admin client's settings, for looking up offsets. */
    public Map<String, Object> admin(String clientId) {
        var props = new HashMap<>(kafka.buildAdminProperties());
        props.put(AdminClientConfig.CLIENT_ID_CONFIG, clientId);
        return props;
    }

    /** A consumer that sees committed records only and keeps no group position: it always reads from the start. */
    public Map<String, Object> committedReader(String clientId) {
        var props = new HashMap<>(kafka.buildConsumerProperties());
        props.putAll(serde());
        props.remove(ConsumerConfig.GROUP_ID_CONFIG);
        props.put(ConsumerConfig.CLIENT_ID_CONFIG, clientId);
        props.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
        props.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, AvroDeserializer.class);
        props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        return props;
    }

    private Map<String, Object> serde() {
        return Map.of(
                AvroSerdeConfig.SCHEMA_REGISTRY_URL, catalogue.registryUrl(),
                AvroSerdeConfig.AUTO_REGISTER_SCHEMAS, properties.autoRegisterSchemas());
    }
}
