package dk.amu.catalogue.audit;

import java.time.Instant;

import dk.amu.catalogue.testkit.ComposeImages;
import dk.amu.catalogue.testkit.EventLogWriter;
import dk.amu.catalogue.testkit.SyntheticCatalogue;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.web.client.RestClient;
import org.testcontainers.containers.GenericContainer;
import org.testcontainers.containers.Network;
import org.testcontainers.junit.jupiter.Container;
import org.testcontainers.junit.jupiter.Testcontainers;
import org.testcontainers.kafka.KafkaContainer;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The audit service against the images docker-compose.yml runs: Kafka and Confluent's Schema
 * Registry. It replays a chained log written through the project's serde and verifies it.
 * Skipped, with that reason, where no Docker engine runs.
 */
@Testcontainers(disabledWithoutDocker = true)
@SpringBootTest(classes = AuditApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "spring.config.name=audit")
class ComposeImagesIT {

    static final Network network = Network.newNetwork();

    @Container
    static final KafkaContainer kafka = ComposeImages.kafka(network);

    @Container
    static final GenericContainer<?> registry = ComposeImages.schemaRegistry(network, kafka);

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry properties) {
        ComposeImages.createTopics(kafka);
        properties.add("spring.kafka.bootstrap-servers", kafka::getBootstrapServers);
        properties.add("catalogue.registry-url", () -> ComposeImages.registryUrl(registry));
    }

    @LocalServerPort
    int port;

    @Test
    void shouldVerifyALogWrittenThroughConfluentsRegistry() {
        try (var writer = new EventLogWriter(kafka.getBootstrapServers(), ComposeImages.registryUrl(registry))) {
            writer.write(new SyntheticCatalogue(11, 3, 500, Instant.parse("2025-01-06T08:00:00Z")), 100);
        }

        var body = RestClient.create("http://127.0.0.1:" + port).get().uri("/api/verify").retrieve().body(String.class);

        var report = JsonMapper.builder().build().readTree(body);
        assertThat(report.get("passed").asBoolean()).as(body).isTrue();
        assertThat(report.get("heads").valueStream().map(head -> head.get("fkbCode").asText()))
                .contains("synthetic-0000", "synthetic-0001", "synthetic-0002");
    }
}
