package dk.amu.catalogue.notifier;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import com.sun.net.httpserver.HttpServer;
import dk.amu.catalogue.compose.ComposeStack;
import dk.amu.catalogue.testkit.EventLogWriter;
import dk.amu.catalogue.testkit.SyntheticCatalogue;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.web.client.RestClient;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The notifier against the images docker-compose.yml runs: Kafka, Confluent's Schema Registry and
 * PostgreSQL 17. A school subscribes, events arrive, and its webhook receives the notice.
 * Skipped, in one line saying why, where no Docker engine runs.
 */
@SpringBootTest(classes = NotifierApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = { "spring.config.name=" + NotifierApplication.CONFIG_NAME, "catalogue.notifier.admin-token=compose",
                // the webhook receiver is this test, on the host's loopback
                "catalogue.notifier.allow-private-targets=true" })
class ComposeImagesIT {

    @RegisterExtension
    static final ComposeStack compose = ComposeStack.kafkaAndRegistry().withCatalogueTopics().withPostgres();

    static final List<String> received = new CopyOnWriteArrayList<>();

    static HttpServer receiver;

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry properties) {
        compose.register(properties);
    }

    @BeforeAll
    static void startReceiver() throws IOException {
        receiver = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        receiver.createContext("/hook", exchange -> {
            received.add(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
            exchange.sendResponseHeaders(204, -1);
            exchange.close();
        });
        receiver.start();
    }

    @AfterAll
    static void stopReceiver() {
        receiver.stop(0);
    }

    @LocalServerPort
    int port;

    @Test
    void shouldDeliverASubscribedSchoolsWebhook() {
        var http = RestClient.create("http://127.0.0.1:" + port);
        var school = JsonMapper.builder().build().readTree(http.post().uri("/api/schools")
                .header("Authorization", "Bearer compose").contentType(MediaType.APPLICATION_JSON)
                .body("{\"name\": \"Compose\", \"email\": \"compose@amu.example\"}").retrieve().body(String.class));
        http.post().uri("/api/subscriptions")
                .header("Authorization", "Bearer " + school.get("apiKey").asText()).contentType(MediaType.APPLICATION_JSON)
                .body("{\"fkbCodes\": [\"synthetic-0000\"], \"webhookUrl\": \"http://127.0.0.1:"
                        + receiver.getAddress().getPort() + "/hook\"}")
                .retrieve().toBodilessEntity();

        try (var writer = new EventLogWriter(compose.bootstrapServers(), compose.registryUrl())) {
            writer.write(new SyntheticCatalogue(13, 1, 200, Instant.parse("2025-01-06T08:00:00Z")), 100);
        }

        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> assertThat(received)
                .anyMatch(body -> body.contains("synthetic-0000")));
    }
}
