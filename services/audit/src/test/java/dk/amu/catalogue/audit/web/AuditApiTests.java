package dk.amu.catalogue.audit.web;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;

import dk.amu.catalogue.audit.AuditApplication;
import dk.amu.catalogue.audit.replay.LogReplay;
import dk.amu.catalogue.audit.support.CommandRun;
import dk.amu.catalogue.audit.support.IngestTimeline;
import dk.amu.catalogue.testkit.CatalogueInfrastructure;
import dk.amu.catalogue.testkit.EventLogWriter;
import dk.amu.catalogue.testkit.SyntheticCatalogue;
import java.time.Duration;
import java.time.Instant;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.web.client.RestClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The audit's HTTP API after the ingest timeline: the same answers as the command line, problems, streaming. */
@ExtendWith(CatalogueInfrastructure.class)
@SpringBootTest(classes = AuditApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "spring.config.name=audit")
class AuditApiTests {

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
    LogReplay replay;

    RestClient http;

    @BeforeEach
    void setUp() {
        http = RestClient.create("http://127.0.0.1:" + port);
    }

    @Test
    void shouldAnswerTheStateQuestionAsTheCommandLineDoes() {
        var answer = get("/api/state?fkb={fkb}&asOf=2025-06-01&knownAt=2025-08-01T00:00:00Z", timeline.viden());
        var cli = CommandRun.of(CommandRun.kafka(), "state", "--fkb", timeline.viden(),
                "--as-of", "2025-06-01", "--known-at", "2025-08-01T00:00:00Z", "--json");

        assertThat(answer.get("links")).isEqualTo(JSON.readTree(cli.out()).get("links"));
        var link = answer.get("links").valueStream().filter(l -> l.get("courseNumber").asText().equals("47299"))
                .findFirst().orElseThrow();
        assertThat(link.get("status").asText()).isEqualTo("ENDING");
        assertThat(link.get("linkedTo").asText()).isEqualTo("2025-06-30");
    }

    @Test
    void shouldRefuseABadDateWithAProblemNamingTheParameter() {
        var response = http.get().uri("/api/state?asOf=01-06-2025").exchange((request, r) ->
                new Object[] { r.getStatusCode().value(), r.getHeaders().getContentType(), r.bodyTo(String.class) });

        assertThat(response[0]).isEqualTo(400);
        assertThat(response[1].toString()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        var problem = JSON.readTree((String) response[2]);
        assertThat(problem.get("detail").asText()).isEqualTo("asOf must be an ISO date, e.g. 2025-06-01; got '01-06-2025'");
    }

    @Test
    void shouldListTheHistoryOfACourseInOneFkb() {
        var history = JSON.readTree(http.get().uri("/api/history?course=47299&fkb={fkb}", timeline.viden())
                .retrieve().body(String.class));

        assertThat(history.valueStream().map(e -> e.get("type").asText()))
                .containsExactly("CourseLinked", "CourseLinkEndScheduled", "CourseLinkExpired");
        assertThat(history.get(1).get("sequence").asLong()).isGreaterThan(history.get(0).get("sequence").asLong());
    }

    @Test
    void shouldStreamACsvExportWithAByteOrderMark() {
        var response = http.get().uri("/api/export?format=csv&by=effective&from=2024-12-19&to=2024-12-19")
                .retrieve().toEntity(byte[].class);

        assertThat(response.getHeaders().getContentType().toString()).startsWith("text/csv");
        byte[] body = response.getBody();
        assertThat(body).startsWith(0xEF, 0xBB, 0xBF);
        assertThat(new String(body, UTF_8)).contains("Økonomisk styring af lageret");
    }

    @Test
    void shouldVerifyTheLogAndGiveEachChainHead() {
        var report = get("/api/verify");

        assertThat(report.get("passed").asBoolean()).as(report.toString()).isTrue();
        assertThat(report.get("heads").valueStream().map(h -> h.get("fkbCode").asText())).contains(timeline.viden());
    }

    @Test
    void shouldDocumentEveryEndpointInOpenApi() {
        var paths = get("/v3/api-docs").get("paths");

        assertThat(paths.propertyNames()).contains("/api/state", "/api/history", "/api/export", "/api/verify");
    }

    @Test
    void shouldStopTheReplayWhenTheClientGoesAwayMidExport() throws Exception {
        try (var writer = EventLogWriter.forRunning()) {
            // 40,000 events: some 15 MB of CSV, more than the socket buffers hold
            writer.write(new SyntheticCatalogue(7, 100, 40_000, Instant.parse("2025-01-01T00:00:00Z")), 5_000);
        }
        long abandoned = replay.abandonedReplays();

        try (var socket = new Socket()) {
            // a small window: the server's writes back up quickly once the reader stops
            socket.setReceiveBufferSize(4096);
            socket.connect(new InetSocketAddress("127.0.0.1", port));
            OutputStream out = socket.getOutputStream();
            out.write(("GET /api/export?format=csv HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n").getBytes(UTF_8));
            out.flush();
            InputStream in = socket.getInputStream();
            assertThat(in.readNBytes(64 * 1024)).hasSize(64 * 1024);
        }

        Awaitility.await().atMost(Duration.ofMinutes(2)).until(() -> replay.activeReplays() == 0);
        assertThat(replay.abandonedReplays()).as("replays stopped by a failed write").isEqualTo(abandoned + 1);
    }

    private JsonNode get(String uri, Object... variables) {
        return JSON.readTree(http.get().uri(uri, variables).retrieve().body(String.class));
    }
}
