package dk.amu.catalogue.audit.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;

import dk.amu.catalogue.audit.AuditApplication;
import dk.amu.catalogue.audit.replay.ReplayGate;
import dk.amu.catalogue.audit.support.IngestTimeline;
import dk.amu.catalogue.eventlog.EventDraft;
import dk.amu.catalogue.events.v1.FkbRevised;
import dk.amu.catalogue.testkit.CatalogueInfrastructure;
import dk.amu.catalogue.testkit.EventLogWriter;
import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The audit holds under load: a bounded number of replays, 429 for the rest, and answers kept for the same end of the log. */
@ExtendWith(CatalogueInfrastructure.class)
@SpringBootTest(classes = AuditApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = { "spring.config.name=audit", "catalogue.audit.max-concurrent-replays=2" })
class AuditUnderLoadTests {

    static final JsonMapper JSON = JsonMapper.builder().build();

    static IngestTimeline timeline;

    @DynamicPropertySource
    static void kafka(DynamicPropertyRegistry registry) {
        CatalogueInfrastructure.registerKafka(registry);
    }

    @BeforeAll
    static void writeTimeline() {
        timeline = IngestTimeline.shared(CatalogueInfrastructure.running());
    }

    @LocalServerPort
    int port;

    @Autowired
    MeterRegistry meters;

    @Autowired
    ReplayGate gate;

    final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .executor(Executors.newFixedThreadPool(24)).build();

    @Test
    void shouldAnswerTwentyConcurrentVerificationsCorrectlyOrWith429WhileHealthKeepsAnswering() throws Exception {
        var health = new ConcurrentLinkedQueue<Integer>();
        var poller = Executors.newSingleThreadScheduledExecutor();
        poller.scheduleAtFixedRate(() -> health.add(get("/actuator/health").statusCode()), 0, 50, TimeUnit.MILLISECONDS);
        List<HttpResponse<String>> answers;
        try {
            var requests = IntStream.range(0, 20)
                    .mapToObj(i -> http.sendAsync(request("/api/verify"), HttpResponse.BodyHandlers.ofString()))
                    .toList();
            CompletableFuture.allOf(requests.toArray(CompletableFuture[]::new)).get(3, TimeUnit.MINUTES);
            answers = requests.stream().map(CompletableFuture::join).toList();
        }
        finally {
            poller.shutdown();
            poller.awaitTermination(10, TimeUnit.SECONDS);
        }

        assertThat(answers).hasSize(20).allSatisfy(answer -> {
            if (answer.statusCode() == 429) {
                assertThat(answer.headers().firstValue("Retry-After")).get().matches(value -> Long.parseLong(value) >= 1);
                assertThat(answer.headers().firstValue("Content-Type")).get().isEqualTo("application/problem+json");
                assertThat(JSON.readTree(answer.body()).get("detail").asText()).contains("ask again in");
            }
            else {
                assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
                var report = JSON.readTree(answer.body());
                assertThat(report.get("passed").asBoolean()).as(answer.body()).isTrue();
                assertThat(report.get("heads").valueStream().map(h -> h.get("fkbCode").asText())).contains(timeline.viden());
            }
        });
        assertThat(answers).anyMatch(answer -> answer.statusCode() == 200);
        assertThat(health).isNotEmpty().containsOnly(200);
    }

    @Test
    void shouldRefuseAReplayBeyondTheLimitWithRetryAfterAsProblemDetails() {
        try (var first = gate.enter(); var second = gate.enter()) {
            // a question never asked, so no answer is kept for it
            var answer = get("/api/history?fkb=busy-" + UUID.randomUUID());

            assertThat(answer.statusCode()).isEqualTo(429);
            assertThat(answer.headers().firstValue("Retry-After")).get().matches(value -> Long.parseLong(value) >= 1);
            var problem = JSON.readTree(answer.body());
            assertThat(problem.get("type").asText()).endsWith("/replays-busy");
            assertThat(problem.get("detail").asText()).startsWith("2 replays of the log are running")
                    .contains("catalogue.audit.max-concurrent-replays");
            assertThat(get("/actuator/health").statusCode()).isEqualTo(200);
        }
        assertThat(get("/api/history?course=47299&fkb=" + timeline.viden()).statusCode()).isEqualTo(200);
    }

    @Test
    void shouldAnswerARepeatedQuestionFromTheCacheUntilANewEventArrives() {
        var fkb = "fresh-" + UUID.randomUUID().toString().substring(0, 8);
        try (var writer = EventLogWriter.forRunning()) {
            writer.append(fkb, Instant.parse("2025-03-01T10:00:00Z"), revised("Første udgave"));
            var uri = "/api/history?fkb=" + fkb;

            var first = body(uri);
            double replays = replaysStarted();
            double cached = count("audit.answers.cached");
            var again = body(uri);

            assertThat(again).isEqualTo(first);
            assertThat(first).hasSize(1);
            assertThat(replaysStarted()).as("replays for the repeated question").isEqualTo(replays);
            assertThat(count("audit.answers.cached")).isEqualTo(cached + 1);

            writer.append(fkb, Instant.parse("2025-04-01T10:00:00Z"), revised("Anden udgave"));
            var fresh = body(uri);

            assertThat(fresh).hasSize(2);
            assertThat(replaysStarted()).as("a replay for the log's new end").isEqualTo(replays + 1);
        }
    }

    @Test
    void shouldAnswerAsOfNowFromTheCacheThoughNowHasMoved() {
        var uri = "/api/state?fkb=" + timeline.viden() + "&asOf=2025-06-01";
        var first = body(uri);
        double replays = replaysStarted();

        var again = body(uri);

        assertThat(again.get("links")).isEqualTo(first.get("links"));
        assertThat(replaysStarted()).isEqualTo(replays);
    }

    private static EventDraft revised(String title) {
        return new EventDraft(new FkbRevised(title, null, List.of("Kompetence"), List.of()), LocalDate.of(2025, 3, 1));
    }

    private double replaysStarted() {
        return count("audit.replays.started");
    }

    private double count(String meter) {
        return meters.get(meter).functionCounter().count();
    }

    private JsonNode body(String uri) {
        var response = get(uri);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return JSON.readTree(response.body());
    }

    private HttpResponse<String> get(String uri) {
        try {
            return http.send(request(uri), HttpResponse.BodyHandlers.ofString());
        }
        catch (Exception ex) {
            throw new IllegalStateException("GET " + uri + " failed", ex);
        }
    }

    private HttpRequest request(String uri) {
        return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + uri)).timeout(Duration.ofMinutes(3)).build();
    }
}
