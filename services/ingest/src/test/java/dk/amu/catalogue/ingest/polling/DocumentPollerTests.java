package dk.amu.catalogue.ingest.polling;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dk.amu.catalogue.ingest.IngestApplication;
import dk.amu.catalogue.ingest.ingestion.DocumentDigest;
import dk.amu.catalogue.ingest.polling.DocumentPoller.PollOutcome;
import dk.amu.catalogue.ingest.polling.DocumentPoller.PolledSource;
import dk.amu.catalogue.ingest.support.DocumentVariants;
import dk.amu.catalogue.ingest.support.IndependentEventReader.Event;
import dk.amu.catalogue.ingest.support.SettledLog;
import dk.amu.catalogue.testkit.CatalogueInfrastructure;
import dk.amu.catalogue.testkit.FixtureDocuments;
import dk.amu.catalogue.testkit.MutableClock;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static dk.amu.catalogue.testkit.FixtureDocuments.bytes;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/**
 * Polling of document URLs against a real HTTP server: conditional requests, skipping a body
 * already ingested, back-off after failures, and a new version becoming events.
 */
@ExtendWith(CatalogueInfrastructure.class)
@SpringBootTest(classes = { IngestApplication.class, DocumentPollerTests.TestClock.class },
        webEnvironment = SpringBootTest.WebEnvironment.NONE,
        properties = { "spring.config.name=ingest", "catalogue.ingest.scheduling=false",
                "catalogue.ingest.polling.interval=40s", "catalogue.ingest.polling.max-backoff=2m" })
class DocumentPollerTests {

    static final String CONDITIONAL = DocumentVariants.uniqueFkb("poll-conditional");

    static final String WITHOUT_VALIDATORS = DocumentVariants.uniqueFkb("poll-plain");

    static final String FLAKY = DocumentVariants.uniqueFkb("poll-flaky");

    static final DocumentServer SERVER = DocumentServer.start();

    @TestConfiguration
    static class TestClock {

        @Bean
        @Primary
        MutableClock pollerClock() {
            return MutableClock.at(LocalDate.of(2025, 3, 1));
        }
    }

    @DynamicPropertySource
    static void kafkaAndSources(DynamicPropertyRegistry registry) {
        CatalogueInfrastructure.registerKafka(registry);
        registry.add("catalogue.ingest.auto-register-schemas", () -> "true");
        var fkbs = List.of(CONDITIONAL, WITHOUT_VALIDATORS, FLAKY);
        for (int i = 0; i < fkbs.size(); i++) {
            var fkb = fkbs.get(i);
            registry.add("catalogue.ingest.polling.sources[" + i + "].fkb-code", () -> fkb);
            registry.add("catalogue.ingest.polling.sources[" + i + "].url", () -> SERVER.url(fkb));
        }
    }

    @AfterAll
    static void stopServer() {
        SERVER.stop();
    }

    @Autowired
    DocumentPoller poller;

    @Autowired
    MutableClock clock;

    SettledLog log;

    String document = DocumentVariants.videnOpenEnded();

    @BeforeEach
    void setUp() {
        log = new SettledLog(CatalogueInfrastructure.running());
    }

    @Test
    void shouldAskConditionallyAndIngestOnlyANewVersion() {
        var source = source(CONDITIONAL);
        SERVER.publish(CONDITIONAL, document, true);

        assertThat(poller.poll(source)).isEqualTo(PollOutcome.INGESTED);
        int firstEvents = log.events(CONDITIONAL).size();
        assertThat(firstEvents).isEqualTo(DocumentVariants.courseNumbers(document).size() + 1);

        assertThat(poller.poll(source)).isEqualTo(PollOutcome.NOT_MODIFIED);
        var asked = SERVER.lastRequest(CONDITIONAL);
        assertThat(asked.getFirst("If-None-Match")).isEqualTo(DocumentServer.etagOf(document));
        assertThat(asked.getFirst("If-Modified-Since")).isEqualTo(DocumentServer.LAST_MODIFIED);
        assertThat(SERVER.lastStatus(CONDITIONAL)).isEqualTo(304);

        var revised = FixtureDocuments.withoutCourses(document, "20925", "20974");
        SERVER.publish(CONDITIONAL, revised, true);
        assertThat(poller.poll(source)).isEqualTo(PollOutcome.INGESTED);
        assertThat(SERVER.lastRequest(CONDITIONAL).getFirst("If-None-Match")).isEqualTo(DocumentServer.etagOf(document));
        var events = log.events(CONDITIONAL);
        assertThat(events.subList(firstEvents, events.size())).extracting(Event::type, Event::courseNumber).containsExactly(
                tuple("FkbRevised", null), tuple("CourseUnlinked", "20925"), tuple("CourseUnlinked", "20974"));
    }

    @Test
    void shouldSkipABodyItHasAlreadyIngestedWhenTheServerGivesNoValidators() {
        var source = source(WITHOUT_VALIDATORS);
        SERVER.publish(WITHOUT_VALIDATORS, document, false);
        assertThat(poller.poll(source)).isEqualTo(PollOutcome.INGESTED);
        var before = log.endOffsets();

        // served afresh, byte for byte the same
        SERVER.publish(WITHOUT_VALIDATORS, document, false);
        assertThat(poller.poll(source)).isEqualTo(PollOutcome.SAME_CONTENT);

        var asked = SERVER.lastRequest(WITHOUT_VALIDATORS);
        assertThat(asked.containsKey("If-None-Match")).isFalse();
        assertThat(asked.containsKey("If-Modified-Since")).isFalse();
        assertThat(SERVER.lastStatus(WITHOUT_VALIDATORS)).isEqualTo(200);
        assertThat(log.endOffsets()).isEqualTo(before);
    }

    @Test
    void shouldBackOffTwiceAsLongAfterEachFailureUpToTheMaximumThenRecover() {
        var source = source(FLAKY);
        SERVER.fail(FLAKY);
        var waits = new ArrayList<Duration>();

        for (int attempt = 0; attempt < 6; attempt++) {
            var now = clock.instant();
            assertThat(poller.poll(source)).isEqualTo(PollOutcome.FAILED);
            waits.add(Duration.between(now, source.nextAttempt()));
            clock.setTo(source.nextAttempt());
        }

        // interval 40s: a quarter of it plus a second, then doubling, capped at max-backoff 2m
        assertThat(waits).containsExactly(Duration.ofSeconds(11), Duration.ofSeconds(22), Duration.ofSeconds(44),
                Duration.ofSeconds(88), Duration.ofMinutes(2), Duration.ofMinutes(2));

        SERVER.publish(FLAKY, document, true);
        var now = clock.instant();
        assertThat(poller.poll(source)).isEqualTo(PollOutcome.INGESTED);
        assertThat(source.nextAttempt()).isEqualTo(now.plus(Duration.ofSeconds(40)));
        assertThat(log.events(FLAKY)).isNotEmpty();
    }

    private PolledSource source(String fkb) {
        return poller.sources().stream().filter(s -> s.fkbCode().equals(fkb)).findFirst().orElseThrow();
    }

    /** Serves one document per FKB, with or without validators, and remembers what it was asked. */
    static final class DocumentServer {

        static final String LAST_MODIFIED = "Sat, 01 Mar 2025 10:00:00 GMT";

        private final HttpServer http;

        private final Map<String, Served> documents = new ConcurrentHashMap<>();

        private final Map<String, List<Headers>> requests = new ConcurrentHashMap<>();

        private final Map<String, Integer> statuses = new ConcurrentHashMap<>();

        record Served(byte[] body, String etag, boolean failing) {
        }

        private DocumentServer(HttpServer http) {
            this.http = http;
        }

        static DocumentServer start() {
            try {
                var server = new DocumentServer(HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0));
                server.http.createContext("/fkb/", server::handle);
                server.http.start();
                return server;
            }
            catch (IOException ex) {
                throw new UncheckedIOException(ex);
            }
        }

        static String etagOf(String text) {
            return "\"" + DocumentDigest.sha256Hex(bytes(text)).substring(0, 16) + "\"";
        }

        String url(String fkb) {
            return "http://127.0.0.1:" + http.getAddress().getPort() + "/fkb/" + fkb + ".txt";
        }

        void publish(String fkb, String text, boolean validators) {
            documents.put(fkb, new Served(bytes(text), validators ? etagOf(text) : null, false));
        }

        void fail(String fkb) {
            documents.put(fkb, new Served(new byte[0], null, true));
        }

        Headers lastRequest(String fkb) {
            var seen = requests.get(fkb);
            return seen.get(seen.size() - 1);
        }

        int lastStatus(String fkb) {
            return statuses.get(fkb);
        }

        void stop() {
            http.stop(0);
        }

        private void handle(HttpExchange exchange) throws IOException {
            var fkb = exchange.getRequestURI().getPath().replaceFirst("^/fkb/", "").replaceFirst("\\.txt$", "");
            requests.computeIfAbsent(fkb, key -> new CopyOnWriteArrayList<>()).add(exchange.getRequestHeaders());
            var served = documents.get(fkb);
            try (exchange) {
                if (served == null || served.failing()) {
                    respond(exchange, fkb, served == null ? 404 : 500, new byte[0]);
                    return;
                }
                if (served.etag() != null) {
                    exchange.getResponseHeaders().add("ETag", served.etag());
                    exchange.getResponseHeaders().add("Last-Modified", LAST_MODIFIED);
                    if (served.etag().equals(exchange.getRequestHeaders().getFirst("If-None-Match"))) {
                        respond(exchange, fkb, 304, null);
                        return;
                    }
                }
                exchange.getResponseHeaders().add("Content-Type", "text/plain; charset=utf-8");
                respond(exchange, fkb, 200, served.body());
            }
        }

        private void respond(HttpExchange exchange, String fkb, int status, byte[] body) throws IOException {
            statuses.put(fkb, status);
            exchange.sendResponseHeaders(status, body == null || body.length == 0 ? -1 : body.length);
            if (body != null && body.length > 0) {
                exchange.getResponseBody().write(body);
            }
        }
    }
}
