package dk.amu.catalogue.notifier.webhooks;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import com.standardwebhooks.Webhook;
import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpServer;
import dk.amu.catalogue.notifier.outbound.OutboundTargets;
import dk.amu.catalogue.notifier.system.NotifierProperties;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

/**
 * One attempt against a real local server: redirects not followed, bounded answers, unsafe targets
 * not even connected, and the connection going to the address that was checked, whatever the name
 * resolves to afterwards.
 */
class WebhookSenderTests {

    private static final String SECRET = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";

    private static final List<String> SECRETS = List.of(SECRET);

    /** Where the transport clock of these tests stands: far from the catalogue clock's and the machine's. */
    private static final Instant TRANSPORT_NOW = Instant.parse("2030-01-02T03:04:05Z");

    private HttpServer server;

    private final List<Headers> captured = new CopyOnWriteArrayList<>();

    private final List<byte[]> capturedBodies = new CopyOnWriteArrayList<>();

    private HttpServer elsewhere;

    private final AtomicInteger requests = new AtomicInteger();

    private final AtomicInteger requestsElsewhere = new AtomicInteger();

    private final List<String> hostHeaders = new CopyOnWriteArrayList<>();

    private final CountDownLatch release = new CountDownLatch(1);

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
        server.createContext("/hook", exchange -> {
            requests.incrementAndGet();
            hostHeaders.add(exchange.getRequestHeaders().getFirst("Host"));
            exchange.sendResponseHeaders(204, -1);
            exchange.close();
        });
        server.createContext("/capture", exchange -> {
            captured.add(exchange.getRequestHeaders());
            capturedBodies.add(exchange.getRequestBody().readAllBytes());
            exchange.getResponseHeaders().add("Retry-After", "Wed, 02 Jan 2030 03:06:05 GMT");
            exchange.sendResponseHeaders(503, -1);
            exchange.close();
        });
        server.createContext("/stall", exchange -> {
            requests.incrementAndGet();
            exchange.sendResponseHeaders(200, 0);
            try {
                release.await(30, TimeUnit.SECONDS);
            }
            catch (InterruptedException ex) {
                Thread.currentThread().interrupt();
            }
            exchange.close();
        });
        server.setExecutor(java.util.concurrent.Executors.newCachedThreadPool());
        server.start();
        // another loopback address on the same port: where a rebound name would lead
        elsewhere = HttpServer.create(new InetSocketAddress("127.0.0.2", server.getAddress().getPort()), 0);
        elsewhere.createContext("/", exchange -> {
            requestsElsewhere.incrementAndGet();
            exchange.sendResponseHeaders(204, -1);
            exchange.close();
        });
        elsewhere.start();
    }

    @AfterEach
    void stop() {
        release.countDown();
        server.stop(0);
        elsewhere.stop(0);
    }

    @Test
    void shouldStampSignAndReadRetryAfterByTheTransportClockWithTheContentTypeTheCloudEventsSdksSend() throws Exception {
        var body = "{\"specversion\":\"1.0\",\"text\":\"Kursus 47299 udløber\"}".getBytes(StandardCharsets.UTF_8);
        var outcome = sender(true, Map.of(), InetAddress::getAllByName, Clock.fixed(TRANSPORT_NOW, ZoneOffset.UTC))
                .send(url("/capture"), "msg_1", List.of(SECRET, "whsec_" + "c2Vjb25k"), body);

        var headers = captured.get(0);
        assertThat(headers.get("Content-Type")).containsExactly("application/cloudevents+json; charset=utf-8");
        assertThat(headers.getFirst("webhook-timestamp")).isEqualTo(Long.toString(TRANSPORT_NOW.getEpochSecond()));
        assertThat(capturedBodies.get(0)).isEqualTo(body);
        // signed as the official library signs, over the same timestamp, once per secret
        var expected = new Webhook(SECRET).sign("msg_1", TRANSPORT_NOW.getEpochSecond(), new String(body, StandardCharsets.UTF_8));
        assertThat(headers.getFirst("webhook-signature").split(" ")).hasSize(2).startsWith(expected);
        // the receiver's HTTP date is two minutes after the transport clock's now
        assertThat(outcome.retryAfter()).isEqualTo(Duration.ofMinutes(2));
    }

    @Test
    void shouldNotFollowRedirects() {
        var outcome = sender(true).send(url("/redirect"), "msg_1", SECRETS, new byte[0]);
        assertThat(outcome.status()).isEqualTo(302);
        assertThat(outcome.succeeded()).isFalse();
        assertThat(requests).hasValue(1);
    }

    @Test
    void shouldReadABoundedPartOfTheAnswer() {
        var outcome = sender(true).send(url("/huge"), "msg_1", SECRETS, new byte[0]);
        assertThat(outcome.status()).isEqualTo(500);
        assertThat(outcome.error().length()).isLessThan(300);
    }

    @Test
    void shouldReportRetryAfter() {
        var outcome = sender(true).send(url("/ok"), "msg_1", SECRETS, new byte[0]);
        assertThat(outcome.status()).isEqualTo(429);
        assertThat(outcome.retryAfter()).hasSeconds(120);
    }

    @Test
    void shouldNotConnectToAPrivateTargetAtSendTime() {
        var outcome = sender(false).send(url("/ok"), "msg_1", SECRETS, new byte[0]);
        assertThat(outcome.status()).isZero();
        assertThat(outcome.error()).contains("internal address");
        assertThat(requests).hasValue(0);
    }

    /**
     * The name answers 127.0.0.1 when checked and 127.0.0.2 on every later lookup, as a DNS server
     * rebinding a name between check and connect would. Two loopback addresses stand for "the
     * address that passed the check" and "the internal one it rebinds to", since a test connects
     * nowhere off this machine; that the check refuses internal addresses is shown above.
     */
    @Test
    void shouldConnectToTheCheckedAddressWhenTheNameIsReboundAfterTheCheck() {
        var lookups = new AtomicInteger();
        OutboundTargets.Resolver rebinding = host -> new InetAddress[] {
                InetAddress.getByName(lookups.getAndIncrement() == 0 ? "127.0.0.1" : "127.0.0.2") };
        var outcome = sender(true, rebinding).send(named("hooks.rebinding.test", "/hook"), "msg_1", SECRETS, new byte[0]);
        assertThat(outcome.status()).isEqualTo(204);
        assertThat(requests).hasValue(1);
        assertThat(requestsElsewhere).hasValue(0);
        assertThat(lookups).hasValue(1);
    }

    @Test
    void shouldKeepTheHostNameInTheHostHeaderWhileConnectingToTheCheckedAddress() {
        OutboundTargets.Resolver dns = host -> new InetAddress[] { InetAddress.getByName("127.0.0.1") };
        var outcome = sender(true, dns).send(named("hooks.school.test", "/hook"), "msg_1", SECRETS, new byte[0]);
        assertThat(outcome.status()).isEqualTo(204);
        assertThat(hostHeaders).containsExactly("hooks.school.test:" + server.getAddress().getPort());
    }

    @Test
    void shouldTryTheNextCheckedAddressWhenOneRefusesTheConnection() {
        // 127.0.0.3 has no server on the port; 127.0.0.1 has
        OutboundTargets.Resolver dns = host -> new InetAddress[] { InetAddress.getByName("127.0.0.3"),
                InetAddress.getByName("127.0.0.1") };
        var outcome = sender(true, dns).send(named("hooks.school.test", "/hook"), "msg_1", SECRETS, new byte[0]);
        assertThat(outcome.status()).isEqualTo(204);
        assertThat(requests).hasValue(1);
    }

    @Test
    void shouldRefuseANameOfWhichAnyAddressIsInternalWithoutConnecting() {
        OutboundTargets.Resolver dns = host -> new InetAddress[] { InetAddress.getByName("93.184.216.34"),
                InetAddress.getByName("127.0.0.1") };
        var outcome = sender(false, dns).send(named("hooks.school.test", "/hook"), "msg_1", SECRETS, new byte[0]);
        assertThat(outcome.status()).isZero();
        assertThat(outcome.error()).contains("127.0.0.1", "internal address");
        assertThat(requests).hasValue(0);
    }

    @Test
    void shouldGiveUpOnAnAnswerThatOutlastsTheRequestTimeout() {
        var outcome = sender(true, Map.of("catalogue.notifier.webhooks.request-timeout", "1s"), InetAddress::getAllByName)
                .send(url("/stall"), "msg_1", SECRETS, new byte[0]);
        assertThat(outcome.status()).isZero();
        assertThat(outcome.error()).contains("no complete answer within");
    }

    private URI url(String path) {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + path);
    }

    private URI named(String host, String path) {
        return URI.create("http://" + host + ":" + server.getAddress().getPort() + path);
    }

    private static WebhookSender sender(boolean allowPrivate) {
        return sender(allowPrivate, InetAddress::getAllByName);
    }

    private static WebhookSender sender(boolean allowPrivate, OutboundTargets.Resolver resolver) {
        return sender(allowPrivate, Map.of(), resolver);
    }

    private static WebhookSender sender(boolean allowPrivate, Map<String, String> settings, OutboundTargets.Resolver resolver) {
        return sender(allowPrivate, settings, resolver, Clock.systemUTC());
    }

    private static WebhookSender sender(boolean allowPrivate, Map<String, String> settings, OutboundTargets.Resolver resolver,
            Clock transport) {
        var values = new java.util.HashMap<>(Map.of(
                "catalogue.notifier.allow-private-targets", Boolean.toString(allowPrivate),
                "catalogue.notifier.webhooks.max-response-bytes", "1024"));
        values.putAll(settings);
        var properties = new Binder(new MapConfigurationPropertySource(values))
                .bindOrCreate("catalogue.notifier", NotifierProperties.class);
        return new WebhookSender(new OutboundTargets(allowPrivate, resolver), properties, transport);
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
