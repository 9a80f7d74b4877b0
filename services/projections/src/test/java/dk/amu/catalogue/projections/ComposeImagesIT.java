package dk.amu.catalogue.projections;

import java.time.Duration;
import java.time.Instant;

import dk.amu.catalogue.compose.ComposeStack;
import dk.amu.catalogue.testkit.EventLogWriter;
import dk.amu.catalogue.testkit.SyntheticCatalogue;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.web.client.RestClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The projections service against the images docker-compose.yml runs: Kafka, Confluent's Schema
 * Registry and PostgreSQL 17. It applies a chained log into the read models and answers for it.
 * Skipped, in one line saying why, where no Docker engine runs.
 */
@SpringBootTest(classes = ProjectionsApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = { "spring.config.name=" + ProjectionsApplication.CONFIG_NAME, "catalogue.projections.admin-token=compose" })
class ComposeImagesIT {

    @RegisterExtension
    static final ComposeStack compose = ComposeStack.kafkaAndRegistry().withCatalogueTopics().withPostgres();

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry properties) {
        compose.register(properties);
    }

    @LocalServerPort
    int port;

    @Test
    void shouldApplyEventsFromTheComposeImagesAndAnswerForThem() {
        try (var writer = new EventLogWriter(compose.bootstrapServers(), compose.registryUrl())) {
            writer.write(new SyntheticCatalogue(9, 2, 400, Instant.parse("2025-01-06T08:00:00Z")), 100);
        }
        var http = RestClient.create("http://127.0.0.1:" + port);

        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> assertThat(
                http.get().uri("/api/fkbs").retrieve().body(String.class)).contains("synthetic-0000", "synthetic-0001"));
        assertThat(http.get().uri("/api/changes?fkb=synthetic-0000").retrieve().toEntity(String.class).getStatusCode().value())
                .isEqualTo(200);
    }
}
