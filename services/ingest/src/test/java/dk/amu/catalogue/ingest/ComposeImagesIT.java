package dk.amu.catalogue.ingest;

import dk.amu.catalogue.ingest.support.FixtureDocuments;
import dk.amu.catalogue.ingest.support.SettledLog;
import dk.amu.catalogue.ingest.support.UploadClient;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.testcontainers.containers.GenericContainer;
import org.testcontainers.containers.Network;
import org.testcontainers.containers.wait.strategy.Wait;
import org.testcontainers.junit.jupiter.Container;
import org.testcontainers.junit.jupiter.Testcontainers;
import org.testcontainers.kafka.KafkaContainer;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The ingest service against the images docker-compose.yml runs: Kafka from the official
 * apache/kafka image and Confluent's own Schema Registry, so the project's serde and registry
 * client are checked against the real thing. Skipped, with that reason, where Docker is missing.
 */
@Testcontainers(disabledWithoutDocker = true)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = { "spring.config.name=ingest", "catalogue.ingest.scheduling=false", "catalogue.ingest.admin-token=compose",
                "catalogue.ingest.auto-register-schemas=true" })
class ComposeImagesIT {

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

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry properties) {
        properties.add("spring.kafka.bootstrap-servers", kafka::getBootstrapServers);
        properties.add("catalogue.registry-url", ComposeImagesIT::registryUrl);
    }

    static String registryUrl() {
        return "http://" + registry.getHost() + ":" + registry.getMappedPort(8081);
    }

    @LocalServerPort
    int port;

    @Test
    void shouldPublishEventsThatConfluentsRegistryDescribes() {
        var response = new UploadClient(port, "compose").upload("viden", "viden.txt", FixtureDocuments.bytes(FixtureDocuments.viden()));

        assertThat(response.status()).as("%s", response.body()).isEqualTo(200);
        var events = new SettledLog(kafka.getBootstrapServers(), registryUrl()).events("viden");
        assertThat(events).hasSize(response.body().get("events").size());
        assertThat(events.get(0).type()).isEqualTo("FkbRevised");
        assertThat(events).filteredOn(event -> event.type().equals("CourseLinked")).hasSize(94);
    }
}
