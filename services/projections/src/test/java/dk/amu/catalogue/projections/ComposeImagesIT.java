package dk.amu.catalogue.projections;

import java.time.Duration;
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
import org.testcontainers.postgresql.PostgreSQLContainer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The projections service against the images docker-compose.yml runs: Kafka, Confluent's Schema
 * Registry and PostgreSQL 17. It applies a chained log into the read models and answers for it.
 * Skipped, with that reason, where no Docker engine runs.
 */
@Testcontainers(disabledWithoutDocker = true)
@SpringBootTest(classes = ProjectionsApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = { "spring.config.name=" + ProjectionsApplication.CONFIG_NAME, "catalogue.projections.admin-token=compose" })
class ComposeImagesIT {

    static final Network network = Network.newNetwork();

    @Container
    static final KafkaContainer kafka = ComposeImages.kafka(network);

    @Container
    static final GenericContainer<?> registry = ComposeImages.schemaRegistry(network, kafka);

    @Container
    static final PostgreSQLContainer postgres = ComposeImages.postgres();

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry properties) {
        ComposeImages.createTopics(kafka);
        properties.add("spring.kafka.bootstrap-servers", kafka::getBootstrapServers);
        properties.add("catalogue.registry-url", () -> ComposeImages.registryUrl(registry));
        properties.add("spring.datasource.url", postgres::getJdbcUrl);
        properties.add("spring.datasource.username", postgres::getUsername);
        properties.add("spring.datasource.password", postgres::getPassword);
    }

    @LocalServerPort
    int port;

    @Test
    void shouldApplyEventsFromTheComposeImagesAndAnswerForThem() {
        try (var writer = new EventLogWriter(kafka.getBootstrapServers(), ComposeImages.registryUrl(registry))) {
            writer.write(new SyntheticCatalogue(9, 2, 400, Instant.parse("2025-01-06T08:00:00Z")), 100);
        }
        var http = RestClient.create("http://127.0.0.1:" + port);

        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> assertThat(
                http.get().uri("/api/fkbs").retrieve().body(String.class)).contains("synthetic-0000", "synthetic-0001"));
        assertThat(http.get().uri("/api/changes?fkb=synthetic-0000").retrieve().toEntity(String.class).getStatusCode().value())
                .isEqualTo(200);
    }
}
