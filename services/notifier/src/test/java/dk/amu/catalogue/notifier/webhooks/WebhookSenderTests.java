package dk.amu.catalogue.notifier.webhooks;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import com.sun.net.httpserver.HttpServer;
import dk.amu.catalogue.notifier.system.NotifierProperties;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/** One attempt against a real local server: redirects not followed, bounded answers, unsafe targets not even connected. */
class WebhookSenderTests {

    private HttpServer server;

    private final AtomicInteger requests = new AtomicInteger();

    @BeforeEach
    void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/redirect", exchange -> {
            requests.incrementAndGet();
            exchange.getResponseHeaders().add("Location", "http://127.0.0.1:" + server.getAddress().getPort() + "/ok");
            exchange.sendResponseHeaders(302, -1);
            exchange.close();
        });
        server.createContext("/huge", exchange -> {
            requests.incrementAndGet();
            exchange.sendResponseHeaders(500, 0);
            try (var out = exchange.getResponseBody()) {
                var chunk = new byte[64 * 1024];
                for (int i = 0; i < 100; i++) {
                    out.write(chunk);
                }
            }
            catch (IOException closedByClient) {
                // the sender stops reading: that is the point
            }
        });
        server.createContext("/ok", exchange -> {
            requests.incrementAndGet();
            exchange.getResponseHeaders().add("Retry-After", "120");
            exchange.sendResponseHeaders(429, -1);
            exchange.close();
        });
        server.start();
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    @Test
    void shouldNotFollowRedirects() {
        var outcome = sender(true).send(url("/redirect"), "msg_1", 1, "v1,x", new byte[0]);
        assertThat(outcome.status()).isEqualTo(302);
        assertThat(outcome.succeeded()).isFalse();
        assertThat(requests).hasValue(1);
    }

    @Test
    void shouldReadABoundedPartOfTheAnswer() {
        var outcome = sender(true).send(url("/huge"), "msg_1", 1, "v1,x", new byte[0]);
        assertThat(outcome.status()).isEqualTo(500);
        assertThat(outcome.error().length()).isLessThan(300);
    }

    @Test
    void shouldReportRetryAfter() {
        var outcome = sender(true).send(url("/ok"), "msg_1", 1, "v1,x", new byte[0]);
        assertThat(outcome.status()).isEqualTo(429);
        assertThat(outcome.retryAfter()).hasSeconds(120);
    }

    @Test
    void shouldNotConnectToAPrivateTargetAtSendTime() {
        var outcome = sender(false).send(url("/ok"), "msg_1", 1, "v1,x", new byte[0]);
        assertThat(outcome.status()).isZero();
        assertThat(outcome.error()).contains("internal address");
        assertThat(requests).hasValue(0);
    }

    private URI url(String path) {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + path);
    }

    private static WebhookSender sender(boolean allowPrivate) {
        var properties = new Binder(new MapConfigurationPropertySource(java.util.Map.of(
                "catalogue.notifier.allow-private-targets", Boolean.toString(allowPrivate),
                "catalogue.notifier.webhooks.max-response-bytes", "1024")))
                .bindOrCreate("catalogue.notifier", NotifierProperties.class);
        return new WebhookSender(new OutboundTargets(allowPrivate), properties, Clock.systemUTC());
    }

    @Test
    void shouldSignAsTheStandardWebhooksExampleDoes() {
        // the example of the Standard Webhooks specification
        var signature = Signatures.sign("whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw", "msg_p5jXN8AQM9LWM0D4loKWxJek", 1614265330,
                "{\"test\": 2432232314}".getBytes(java.nio.charset.StandardCharsets.UTF_8));
        assertThat(signature).isEqualTo("v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=");
        assertThat(Signatures.header(List.of("whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw", "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw"),
                "m", 1, new byte[0]).split(" ")).hasSize(2);
    }
}
