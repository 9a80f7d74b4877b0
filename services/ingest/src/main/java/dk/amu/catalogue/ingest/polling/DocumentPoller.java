package dk.amu.catalogue.ingest.polling;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import dk.amu.catalogue.ingest.ingestion.DocumentDigest;
import dk.amu.catalogue.ingest.ingestion.DocumentSubmission;
import dk.amu.catalogue.ingest.ingestion.IngestionService;
import dk.amu.catalogue.ingest.system.IngestProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Scheduled polling of each configured document URL. It asks conditionally ({@code If-None-Match},
 * {@code If-Modified-Since}), skips a body whose SHA-256 it has already ingested, and after a
 * failure waits twice as long each time, up to the configured maximum.
 */
@Component
public class DocumentPoller {

    private static final Logger log = LoggerFactory.getLogger(DocumentPoller.class);

    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    private final IngestionService ingestion;

    private final Clock clock;

    private final IngestProperties.Polling settings;

    private final List<PolledSource> sources;

    private final HttpClient http = HttpClient.newBuilder()
            .connectTimeout(TIMEOUT)
            .followRedirects(HttpClient.Redirect.NORMAL)
            .build();

    DocumentPoller(IngestionService ingestion, Clock clock, IngestProperties properties) {
        this.ingestion = ingestion;
        this.clock = clock;
        this.settings = properties.polling();
        this.sources = settings.sources().stream().map(PolledSource::new).toList();
    }

    public void pollDue() {
        var now = clock.instant();
        sources.stream().filter(source -> source.isDue(now)).forEach(this::poll);
    }

    /** Polls one source now; returns what happened, for logs and tests. */
    public PollOutcome poll(PolledSource source) {
        var now = clock.instant();
        try {
            // the request timeout covers only the headers; a body that trickles in must not hold the thread
            var response = http.sendAsync(source.request(TIMEOUT), HttpResponse.BodyHandlers.ofByteArray())
                    .get(TIMEOUT.multipliedBy(2).toSeconds(), TimeUnit.SECONDS);
            var outcome = handle(source, response);
            source.succeeded(now, settings.interval(), response);
            return outcome;
        }
        catch (ExecutionException | TimeoutException | RuntimeException ex) {
            var wait = source.failed(now, settings.interval(), settings.maxBackoff());
            log.warn("Polling {} for FKB {} failed; next try in {}: {}", source.url(), source.fkbCode(), wait, ex.getMessage());
            return PollOutcome.FAILED;
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            return PollOutcome.FAILED;
        }
    }

    public List<PolledSource> sources() {
        return sources;
    }

    private PollOutcome handle(PolledSource source, HttpResponse<byte[]> response) {
        if (response.statusCode() == 304) {
            return PollOutcome.NOT_MODIFIED;
        }
        if (response.statusCode() != 200) {
            throw new IllegalStateException("HTTP " + response.statusCode() + " from " + source.url());
        }
        var body = response.body();
        if (source.alreadyIngested(body)) {
            return PollOutcome.SAME_CONTENT;
        }
        var report = ingestion.ingest(new DocumentSubmission(source.fkbCode(), body, source.url(), source.title(), false));
        source.ingested(body);
        log.info("Polled {} for FKB {}: {}", source.url(), source.fkbCode(), report.outcome());
        return report.events().isEmpty() ? PollOutcome.UNCHANGED : PollOutcome.INGESTED;
    }

    /** INGESTED: new events; UNCHANGED: a new version that changed nothing; SAME_CONTENT: bytes already ingested. */
    public enum PollOutcome { INGESTED, UNCHANGED, NOT_MODIFIED, SAME_CONTENT, FAILED }

    /** One URL's conditional-request validators, last ingested content and back-off. */
    public static final class PolledSource {

        private final IngestProperties.Source source;

        private String etag;

        private String lastModified;

        private String ingestedSha256;

        private Instant nextAttempt = Instant.MIN;

        private Duration backoff = Duration.ZERO;

        PolledSource(IngestProperties.Source source) {
            this.source = source;
        }

        public String fkbCode() {
            return source.fkbCode();
        }

        public String url() {
            return source.url();
        }

        String title() {
            return source.title();
        }

        public Instant nextAttempt() {
            return nextAttempt;
        }

        boolean isDue(Instant now) {
            return !now.isBefore(nextAttempt);
        }

        HttpRequest request(Duration timeout) {
            var request = HttpRequest.newBuilder(URI.create(source.url())).timeout(timeout).GET();
            if (etag != null) {
                request.header("If-None-Match", etag);
            }
            if (lastModified != null) {
                request.header("If-Modified-Since", lastModified);
            }
            return request.build();
        }

        boolean alreadyIngested(byte[] body) {
            return sha256(body).equals(ingestedSha256);
        }

        void ingested(byte[] body) {
            ingestedSha256 = sha256(body);
        }

        void succeeded(Instant now, Duration interval, HttpResponse<?> response) {
            response.headers().firstValue("ETag").ifPresent(value -> etag = value);
            response.headers().firstValue("Last-Modified").ifPresent(value -> lastModified = value);
            backoff = Duration.ZERO;
            nextAttempt = now.plus(interval);
        }

        Duration failed(Instant now, Duration interval, Duration maxBackoff) {
            var doubled = backoff.isZero() ? interval.dividedBy(4).plusSeconds(1) : backoff.multipliedBy(2);
            backoff = doubled.compareTo(maxBackoff) > 0 ? maxBackoff : doubled;
            nextAttempt = now.plus(backoff);
            return backoff;
        }

        private static String sha256(byte[] body) {
            return DocumentDigest.sha256Hex(body);
        }
    }
}
