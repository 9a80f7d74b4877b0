package dk.amu.catalogue.compose;

import java.util.Map;
import java.util.concurrent.ExecutionException;

import dk.amu.catalogue.eventlog.CatalogueTopics;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.testcontainers.containers.GenericContainer;
import org.testcontainers.containers.Network;
import org.testcontainers.containers.wait.strategy.Wait;
import org.testcontainers.kafka.KafkaContainer;
import org.testcontainers.postgresql.PostgreSQLContainer;

/**
 * The images docker-compose.yml runs, as containers for the {@code *IT} tests: the official Kafka
 * image, Confluent's Schema Registry with the compatibility level the project enforces, and
 * PostgreSQL 17. The tests get them through {@link ComposeStack}, which also decides whether a
 * Docker engine is there to run them.
 */
public final class ComposeImages {

    /** Keep in step with docker-compose.yml. */
    public static final String KAFKA = "apache/kafka:4.2.2";

    public static final String SCHEMA_REGISTRY = "confluentinc/cp-schema-registry:8.0.0";

    public static final String POSTGRES = "postgres:17";

    private static final String KAFKA_ALIAS = "kafka:19092";

    private ComposeImages() {
    }

    /** One broker, reachable from the host and, as {@code kafka:19092}, from the registry's container. */
    static KafkaContainer kafka(Network network) {
        return new KafkaContainer(KAFKA).withNetwork(network).withListener(KAFKA_ALIAS);
    }

    /** Confluent Schema Registry storing its schemas in that broker, backward-transitive like the project's. */
    static GenericContainer<?> schemaRegistry(Network network, KafkaContainer kafka) {
        return new GenericContainer<>(SCHEMA_REGISTRY)
                .withNetwork(network)
                .withExposedPorts(8081)
                .withEnv("SCHEMA_REGISTRY_HOST_NAME", "schema-registry")
                .withEnv("SCHEMA_REGISTRY_LISTENERS", "http://0.0.0.0:8081")
                .withEnv("SCHEMA_REGISTRY_KAFKASTORE_BOOTSTRAP_SERVERS", "PLAINTEXT://" + KAFKA_ALIAS)
                .withEnv("SCHEMA_REGISTRY_SCHEMA_COMPATIBILITY_LEVEL", "backward_transitive")
                .dependsOn(kafka)
                .waitingFor(Wait.forHttp("/subjects").forStatusCode(200));
    }

    /** The registry's URL from the host. */
    static String registryUrl(GenericContainer<?> registry) {
        return "http://" + registry.getHost() + ":" + registry.getMappedPort(8081);
    }

    /** The events and snapshots topics with their policies, as ingest creates them on one broker. */
    static void createTopics(KafkaContainer kafka) {
        try (var admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.getBootstrapServers()))) {
            admin.createTopics(CatalogueTopics.singleBroker()).all().get();
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while creating the topics", ex);
        }
        catch (ExecutionException ex) {
            throw new IllegalStateException("could not create the topics in " + kafka.getBootstrapServers(), ex.getCause());
        }
    }

    static PostgreSQLContainer postgres() {
        return new PostgreSQLContainer(POSTGRES);
    }
}
