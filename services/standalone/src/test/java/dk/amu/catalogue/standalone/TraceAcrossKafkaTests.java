package dk.amu.catalogue.standalone;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.AppenderBase;
import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.json.JsonMapper;

/**
 * One upload, one trace id: the ingest's log line for the upload, the projections' line for the
 * events it applied and the notifier's line for the webhook it sent all carry the same trace id,
 * carried across Kafka in the records' traceparent header and kept with the notice until its
 * webhook goes out on another thread.
 */
class TraceAcrossKafkaTests {

    private static final String FKB = "sporing-" + UUID.randomUUID().toString().substring(0, 8);

    private static final String TOKEN = "trace-token";

    @TempDir
    Path data;

    private final List<Line> lines = new CopyOnWriteArrayList<>();

    private final List<String> webhookIds = new CopyOnWriteArrayList<>();

    private HttpServer receiver;

    @AfterEach
    void stopReceiver() {
        if (receiver != null) {
            receiver.stop(0);
        }
    }

    @Test
    void shouldLogAnUploadsTraceIdInTheProjectionAndTheWebhook() throws Exception {
        var ports = new Ports();
        try (var running = StandaloneApplication.start(ports.arguments(data))) {
            // Spring Boot set logging up when the runtime started; from here it keeps this appender
            var capture = capture();
            try {
                var school = post(ports.url("notifier", "/api/schools"), TOKEN,
                        "{\"name\": \"Sporing\", \"email\": \"sporing@amu.example\"}");
                var webhook = "http://127.0.0.1:" + startReceiver() + "/hook";
                post(ports.url("notifier", "/api/subscriptions"), school.get("apiKey").asString(),
                        "{\"fkbCodes\": [\"" + FKB + "\"], \"webhookUrl\": \"" + webhook + "\"}");

                upload(ports.url("ingest", "/api/fkbs/" + FKB + "/documents"));

                await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> assertThat(webhookIds).isNotEmpty());
                var traceId = traceOf("dk.amu.catalogue.ingest.ingestion.IngestionService", "for FKB " + FKB);
                await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
                    assertThat(lines).as("the projections' line for the upload's events")
                            .anyMatch(line -> line.logger().endsWith("projections.consuming.ProjectedLog")
                                    && line.message().contains(FKB + " up to sequence") && traceId.equals(line.traceId()));
                    assertThat(lines).as("the notifier's line for the webhook it sent")
                            .anyMatch(line -> line.logger().endsWith("notifier.webhooks.DeliveryAttempt")
                                    && line.message().contains(webhookIds.get(0)) && traceId.equals(line.traceId()));
                });
            }
            finally {
                capture.stop();
                ((Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME)).detachAppender(capture);
            }
        }
    }

    private String traceOf(String logger, String text) {
        var line = lines.stream().filter(l -> l.logger().equals(logger) && l.message().contains(text)).findFirst();
        assertThat(line).as("the upload's log line").isPresent();
        assertThat(line.get().traceId()).as("the upload's trace id in %s", line.get()).isNotBlank();
        return line.get().traceId();
    }

    /** Keeps each event's trace id as it is logged: the MDC belongs to the logging thread. */
    private AppenderBase<ILoggingEvent> capture() {
        var appender = new AppenderBase<ILoggingEvent>() {
            @Override
            protected void append(ILoggingEvent event) {
                lines.add(new Line(event.getLoggerName(), event.getFormattedMessage(),
                        event.getMDCPropertyMap().get("traceId")));
            }
        };
        appender.setContext((LoggerContext) LoggerFactory.getILoggerFactory());
        appender.start();
        ((Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME)).addAppender(appender);
        return appender;
    }

    private int startReceiver() throws IOException {
        receiver = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        receiver.createContext("/hook", exchange -> {
            exchange.getRequestBody().readAllBytes();
            webhookIds.add(exchange.getRequestHeaders().getFirst("webhook-id"));
            exchange.sendResponseHeaders(204, -1);
            exchange.close();
        });
        receiver.start();
        return receiver.getAddress().getPort();
    }

    private static tools.jackson.databind.JsonNode post(String url, String bearer, String json) throws Exception {
        var response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(url))
                .header("Authorization", "Bearer " + bearer)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as("%s: %s", url, response.body()).isEqualTo(201);
        return JsonMapper.builder().build().readTree(response.body());
    }

    private static void upload(String url) throws Exception {
        var boundary = "trace-" + UUID.randomUUID();
        var body = ("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"sporing.txt\"\r\n"
                + "Content-Type: text/plain\r\n\r\n" + sample() + "\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8);
        var response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(url))
                .header("Authorization", "Bearer " + TOKEN)
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    }

    private static String sample() {
        try (var in = TraceAcrossKafkaTests.class.getClassLoader()
                .getResourceAsStream("samples/viden-og-forretningsservice.txt")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }

    private record Line(String logger, String message, String traceId) {
    }

    /** Free ports for everything the runtime serves, so it runs beside other tests and a running system. */
    private static final class Ports {

        final int kafka = free();

        final int controller = free();

        final int registry = free();

        final int ingest = free();

        final int projections = free();

        final int audit = free();

        final int notifier = free();

        final int postgres = free();

        String[] arguments(Path data) {
            return new String[] {
                    "--catalogue.standalone.data-directory=" + data,
                    "--catalogue.standalone.kafka.port=" + kafka,
                    "--catalogue.standalone.kafka.controller-port=" + controller,
                    "--catalogue.standalone.ports.registry=" + registry,
                    "--catalogue.standalone.ports.ingest=" + ingest,
                    "--catalogue.standalone.ports.projections=" + projections,
                    "--catalogue.standalone.ports.audit=" + audit,
                    "--catalogue.standalone.ports.notifier=" + notifier,
                    "--catalogue.standalone.ports.postgres=" + postgres,
                    "--catalogue.admin-token=" + TOKEN,
                    // the webhook receiver is this test, on loopback
                    "--catalogue.notifier.allow-private-targets=true" };
        }

        String url(String service, String path) {
            int port = switch (service) {
                case "ingest" -> ingest;
                case "notifier" -> notifier;
                default -> throw new IllegalArgumentException(service);
            };
            return "http://127.0.0.1:" + port + path;
        }

        private static int free() {
            try (var socket = new ServerSocket(0)) {
                return socket.getLocalPort();
            }
            catch (IOException ex) {
                throw new UncheckedIOException(ex);
            }
        }
    }
}
