package dk.amu.catalogue.audit;

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
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The audit service against the images docker-compose.yml runs: Kafka and Confluent's Schema
 * Registry. It replays a chained log written through the project's serde and verifies it.
 * Skipped, in one line saying why, where no Docker engine runs.
 */
@SpringBootTest(classes = AuditApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "spring.config.name=audit")
class ComposeImagesIT {

    @RegisterExtension
    static final ComposeStack compose = ComposeStack.kafkaAndRegistry().withCatalogueTopics();

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry properties) {
        compose.register(properties);
    }

    @LocalServerPort
    int port;

    @Test
    void shouldVerifyALogWrittenThroughConfluentsRegistry() {
        try (var writer = new EventLogWriter(compose.bootstrapServers(), compose.registryUrl())) {
            writer.write(new SyntheticCatalogue(11, 3, 500, Instant.parse("2025-01-06T08:00:00Z")), 100);
        }

        var body = RestClient.create("http://127.0.0.1:" + port).get().uri("/api/verify").retrieve().body(String.class);

        var report = JsonMapper.builder().build().readTree(body);
        assertThat(report.get("passed").asBoolean()).as(body).isTrue();
        assertThat(report.get("heads").valueStream().map(head -> head.get("fkbCode").asText()))
                .contains("synthetic-0000", "synthetic-0001", "synthetic-0002");
    }
}
