package dk.amu.catalogue.standalone;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;

import dk.amu.catalogue.eventlog.CatalogueTopics;
import dk.amu.catalogue.kafka.broker.BrokerSettings;
import dk.amu.catalogue.kafka.broker.EmbeddedKafkaBroker;
import dk.amu.catalogue.registry.EmbeddedSchemaRegistry;
import dk.amu.catalogue.registry.RegistrySettings;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.common.errors.TopicExistsException;

/**
 * The broker with the catalogue's topics on it, and the registry that keeps its schemas there: two
 * starts, because a service needs the broker for its Kafka clients well before it needs the registry
 * (see {@link InfrastructureGate} and {@link SchemaRegistryGate}).
 */
final class KafkaInfrastructure {

    private KafkaInfrastructure() {
    }

    static EmbeddedKafkaBroker startBroker(StandaloneProperties properties) {
        var broker = EmbeddedKafkaBroker.start(BrokerSettings.of(properties.dataDirectory().resolve("kafka"),
                properties.host(), properties.kafka().port(), properties.kafka().controllerPort()));
        try {
            createCatalogueTopics(broker);
            return broker;
        }
        catch (RuntimeException ex) {
            broker.close();
            throw ex;
        }
    }

    static EmbeddedSchemaRegistry startRegistry(EmbeddedKafkaBroker broker, StandaloneProperties properties) {
        return EmbeddedSchemaRegistry.start(new RegistrySettings(broker.bootstrapServers(), properties.host(),
                properties.ports().registry(), "_schemas"));
    }

    /**
     * Ingest creates the topics too, but only once it has started: made here, they exist when the
     * consumers first join their groups, which then hand out every partition at once instead of
     * after the consumers have noticed the topic.
     */
    private static void createCatalogueTopics(EmbeddedKafkaBroker broker) {
        try (var admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers()))) {
            for (var topic : CatalogueTopics.singleBroker()) {
                try {
                    admin.createTopics(List.of(topic)).all().get();
                }
                catch (ExecutionException ex) {
                    if (!(ex.getCause() instanceof TopicExistsException)) {
                        throw new IllegalStateException("cannot create topic " + topic.name() + ": "
                                + ex.getCause().getMessage(), ex);
                    }
                }
            }
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while creating the catalogue topics", ex);
        }
    }
}
