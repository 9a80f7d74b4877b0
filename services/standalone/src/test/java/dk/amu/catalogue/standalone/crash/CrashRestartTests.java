package dk.amu.catalogue.standalone.crash;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.json.JsonMapper;

/**
 * kill -9 of the standalone right after an upload returned, then a start on the same data directory:
 * the upload's links are in the API and its webhooks are sent within 10 s of "ready". Without static
 * group membership the dead consumers' memberships would first have to time out (45 s by default)
 * before the new ones got their partitions; with it, each restarted consumer takes its partitions back
 * at once. The embedded PostgreSQL the killed JVM left running is stopped and started again as the new
 * process's own.
 */
class CrashRestartTests {

    private static final String FKB = "crash-test";

    private static final Duration CATCH_UP = Duration.ofSeconds(10);

    private final JsonMapper json = JsonMapper.builder().build();

    private final HttpClient http = HttpClient.newHttpClient();

    private final List<String> webhooks = new CopyOnWriteArrayList<>();

    @TempDir
    Path data;

    private HttpServer receiver;

    @BeforeEach
    void startReceiver() throws Exception {
        receiver = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        receiver.createContext("/hook", exchange -> {
            webhooks.add(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
            exchange.sendResponseHeaders(204, -1);
            exchange.close();
        });
        receiver.start();
    }

    @AfterEach
    void stopReceiverAndAnyOrphanedDatabase() throws Exception {
        receiver.stop(0);
        // a failed run may leave the killed JVM's PostgreSQL behind: its pid is the first line of postmaster.pid
        var pidFile = data.resolve("postgres").resolve("postmaster.pid");
        if (Files.exists(pidFile)) {
            var pid = Long.parseLong(Files.readAllLines(pidFile).get(0).trim());
            ProcessHandle.of(pid).ifPresent(server -> {
                server.destroy();
                server.onExit().orTimeout(60, TimeUnit.SECONDS).join();
            });
        }
    }

    @Test
    void shouldServeAnUploadKilledRightAfterItReturnedWithinTenSecondsOfReadyAfterARestart() throws Exception {
        var settings = StandaloneProcess.Settings.in(data);
        try (var first = StandaloneProcess.start(settings)) {
            var apiKey = createSchool(settings);
            subscribe(settings, apiKey);
            var upload = upload(settings);
            assertThat(upload.statusCode()).as(upload.body()).isEqualTo(200);
            first.kill();
        }

        try (var restarted = StandaloneProcess.start(settings)) {
            await().atMost(CATCH_UP).pollInterval(Duration.ofMillis(200)).untilAsserted(() -> {
                assertThat(links(settings)).as("the upload's links in the API").isEqualTo(94);
                assertThat(webhooks).as("the upload's webhooks").anyMatch(body -> body.contains(FKB));
            });
            var caughtUp = Duration.between(restarted.readyAt(), Instant.now());
            assertThat(caughtUp).isLessThanOrEqualTo(CATCH_UP);
            assertThat(restarted.output()).as("the killed JVM's PostgreSQL was taken over, not used as it was")
                    .anyMatch(line -> line.contains("was left running for") && line.contains("by a process that is gone"));
        }
    }

    private String createSchool(StandaloneProcess.Settings settings) throws Exception {
        var response = send(HttpRequest.newBuilder(URI.create(settings.url("notifier") + "/api/schools"))
                .header("Authorization", "Bearer " + settings.adminToken())
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"name\":\"Crash school\",\"email\":\"it@crash.example\"}")));
        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
        return json.readTree(response.body()).get("apiKey").asString();
    }

    private void subscribe(StandaloneProcess.Settings settings, String apiKey) throws Exception {
        var hook = "http://127.0.0.1:" + receiver.getAddress().getPort() + "/hook";
        var response = send(HttpRequest.newBuilder(URI.create(settings.url("notifier") + "/api/subscriptions"))
                .header("Authorization", "Bearer " + apiKey)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"fkbCodes\":[\"" + FKB + "\"],\"webhookUrl\":\"" + hook + "\"}")));
        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
    }

    private HttpResponse<String> upload(StandaloneProcess.Settings settings) throws Exception {
        byte[] document;
        try (var in = getClass().getClassLoader().getResourceAsStream("samples/viden-og-forretningsservice.txt")) {
            document = in.readAllBytes();
        }
        var boundary = "crash-" + UUID.randomUUID();
        var head = ("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"crash-test.txt\"\r\n"
                + "Content-Type: text/plain\r\n\r\n").getBytes(StandardCharsets.UTF_8);
        var tail = ("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8);
        var body = new byte[head.length + document.length + tail.length];
        System.arraycopy(head, 0, body, 0, head.length);
        System.arraycopy(document, 0, body, head.length, document.length);
        System.arraycopy(tail, 0, body, head.length + document.length, tail.length);
        return send(HttpRequest.newBuilder(URI.create(settings.url("ingest") + "/api/fkbs/" + FKB + "/documents?title=Crash+test&force=true"))
                .header("Authorization", "Bearer " + settings.adminToken())
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)));
    }

    private int links(StandaloneProcess.Settings settings) throws Exception {
        var response = send(HttpRequest.newBuilder(URI.create(settings.url("projections") + "/api/fkbs/" + FKB + "/links")).GET());
        return response.statusCode() == 200 ? json.readTree(response.body()).get("items").size() : -1;
    }

    private HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
        return http.send(request.timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString());
    }
}
