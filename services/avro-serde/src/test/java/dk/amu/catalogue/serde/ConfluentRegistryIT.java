package dk.amu.catalogue.serde;

import dk.amu.catalogue.events.v1.CatalogueEvent;
import dk.amu.catalogue.serde.registry.SchemaRegistryClient;
import dk.amu.catalogue.serde.registry.SchemaRegistryException;
import org.apache.avro.SchemaBuilder;
import org.junit.jupiter.api.Test;
import org.testcontainers.containers.GenericContainer;
import org.testcontainers.containers.Network;
import org.testcontainers.containers.wait.strategy.Wait;
import org.testcontainers.junit.jupiter.Container;
import org.testcontainers.junit.jupiter.Testcontainers;
import org.testcontainers.kafka.KafkaContainer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The project's serde and registry client against Confluent's own Schema Registry, the image
 * docker-compose.yml runs (images kept in step with the test-kit's ComposeImages, which this module
 * cannot depend on). Skipped, with that reason, where no Docker engine runs.
 */
@Testcontainers(disabledWithoutDocker = true)
class ConfluentRegistryIT {

    static final Network network = Network.newNetwork();

    @Container
    static final KafkaContainer kafka = new KafkaContainer("apache/kafka:4.2.2")
            .withNetwork(network)
            .withListener("kafka:19092");

    @Container
    static final GenericContainer<?> registry = new GenericContainer<>("confluentinc/cp-schema-registry:8.0.0")
            .withNetwork(network)
            .withExposedPorts(8081)
            .withEnv("SCHEMA_REGISTRY_HOST_NAME", "schema-registry")
            .withEnv("SCHEMA_REGISTRY_LISTENERS", "http://0.0.0.0:8081")
            .withEnv("SCHEMA_REGISTRY_KAFKASTORE_BOOTSTRAP_SERVERS", "PLAINTEXT://kafka:19092")
            .withEnv("SCHEMA_REGISTRY_SCHEMA_COMPATIBILITY_LEVEL", "backward_transitive")
            .dependsOn(kafka)
            .waitingFor(Wait.forHttp("/subjects").forStatusCode(200));

    static String registryUrl() {
        return "http://" + registry.getHost() + ":" + registry.getMappedPort(8081);
    }

    @Test
    void shouldRegisterSerializeAndDeserializeThroughConfluentsRegistry() {
        var client = SchemaRegistryClient.forUrl(registryUrl());
        var event = CatalogueEvents.courseLinked();

        var bytes = new AvroSerializer<CatalogueEvent>(client, true).serialize("compose.events", event);

        assertThat(bytes[0]).as("magic byte").isZero();
        assertThat(WireFormat.schemaId(bytes)).isEqualTo(client.lookup("compose.events-value", CatalogueEvent.getClassSchema()));
        var fresh = SchemaRegistryClient.forUrl(registryUrl());
        assertThat(new AvroDeserializer<CatalogueEvent>(fresh).deserialize("compose.events", bytes)).isEqualTo(event);
    }

    @Test
    void shouldBeRefusedWith409ForAnIncompatibleSchema() {
        var client = SchemaRegistryClient.forUrl(registryUrl());
        var first = SchemaBuilder.record("Probe").namespace("dk.amu.test").fields().requiredString("a").endRecord();
        var incompatible = SchemaBuilder.record("Probe").namespace("dk.amu.test").fields().requiredInt("a").endRecord();
        client.register("compose.probe-value", first);

        assertThatThrownBy(() -> client.register("compose.probe-value", incompatible))
                .isInstanceOfSatisfying(SchemaRegistryException.class, ex -> assertThat(ex.httpStatus()).isEqualTo(409))
                .hasMessageContaining("'compose.probe-value'");
    }
}
