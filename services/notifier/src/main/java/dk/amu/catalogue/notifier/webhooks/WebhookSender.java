package dk.amu.catalogue.notifier.webhooks;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;

import dk.amu.catalogue.notifier.system.NotifierProperties;
import org.springframework.stereotype.Component;

/**
 * One HTTP POST of a signed CloudEvent. Redirects are not followed (a 3xx is a failure: following
 * one would let a public URL point the notifier inward), the connection and the answer are bounded
 * in time, and at most {@code maxResponseBytes} of the answer are read. The target is checked just
 * before each attempt, since what a host name resolves to can change after registration.
 */
@Component
public class WebhookSender {

    /** What one attempt came to; {@code status} is 0 when no HTTP answer arrived. */
    public record Outcome(int status, Duration retryAfter, String error) {

        boolean succeeded() {
            return status >= 200 && status < 300;
        }
    }

    private static final Duration MAX_RETRY_AFTER = Duration.ofDays(1);

    private final HttpClient http;

    private final OutboundTargets targets;

    private final NotifierProperties.Webhooks settings;

    private final java.time.Clock clock;

    WebhookSender(OutboundTargets targets, NotifierProperties properties, java.time.Clock clock) {
        this.clock = clock;
        this.targets = targets;
        this.settings = properties.webhooks();
        this.http = HttpClient.newBuilder()
                .followRedirects(HttpClient.Redirect.NEVER)
                .connectTimeout(settings.connectTimeout())
                .version(HttpClient.Version.HTTP_1_1)
                .build();
    }

    public Outcome send(URI url, String messageId, long timestamp, String signature, byte[] body) {
        try {
            targets.check(url);
        }
        catch (UnsafeTargetException ex) {
            return new Outcome(0, null, ex.getMessage());
        }
        var request = HttpRequest.newBuilder(url)
                .timeout(settings.requestTimeout())
                .header("Content-Type", "application/cloudevents+json; charset=utf-8")
                .header("User-Agent", "amu-catalogue-notifier")
                .header("webhook-id", messageId)
                .header("webhook-timestamp", Long.toString(timestamp))
                .header("webhook-signature", signature)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body))
                .build();
        try {
            var response = http.send(request, HttpResponse.BodyHandlers.ofInputStream());
            String excerpt;
            try (var in = response.body()) {
                // a bounded read: a receiver that streams without end is cut off when the stream closes
                excerpt = new String(in.readNBytes(settings.maxResponseBytes()), StandardCharsets.UTF_8);
            }
            var retryAfter = response.headers().firstValue("Retry-After").map(value -> retryAfter(value, clock.instant())).orElse(null);
            return new Outcome(response.statusCode(), retryAfter,
                    response.statusCode() / 100 == 2 ? null : "HTTP " + response.statusCode() + ": " + oneLine(excerpt));
        }
        catch (IOException ex) {
            return new Outcome(0, null, ex.getClass().getSimpleName() + ": " + ex.getMessage());
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            return new Outcome(0, null, "interrupted");
        }
    }

    /** Seconds or an HTTP date; capped at a day so a receiver cannot park its deliveries for ever. */
    static Duration retryAfter(String value, Instant now) {
        Duration wait;
        try {
            wait = Duration.ofSeconds(Long.parseLong(value.strip()));
        }
        catch (NumberFormatException ex) {
            try {
                wait = Duration.between(now, ZonedDateTime.parse(value.strip(), DateTimeFormatter.RFC_1123_DATE_TIME));
            }
            catch (DateTimeParseException notADate) {
                return null;
            }
        }
        return wait.isNegative() ? Duration.ZERO : wait.compareTo(MAX_RETRY_AFTER) > 0 ? MAX_RETRY_AFTER : wait;
    }

    private static String oneLine(String text) {
        var line = text.replaceAll("\\s+", " ").strip();
        return line.length() > 200 ? line.substring(0, 200) : line;
    }
}
