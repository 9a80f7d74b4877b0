package dk.amu.catalogue.benchmarks;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Consumer;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import tools.jackson.databind.json.JsonMapper;

/**
 * Webhook endpoints in the harness's own JVM (the JDK's HTTP server on a thread pool, on
 * 127.0.0.1): {@code /hooks/<n>} checks every Standard Webhooks signature with endpoint n's secret,
 * written from the specification with none of the notifier's code, and counts the valid and the
 * invalid; {@code /plain} only counts, for the unsigned anchor. An optional listener hears each
 * signed arrival with the event id from the CloudEvent's {@code data}.
 */
final class LocalWebhookReceiver implements AutoCloseable {

    /** One signed webhook as it arrived. */
    record Arrival(int endpoint, String eventId, long nanos, boolean valid) {
    }

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final HttpServer server;

    private final ExecutorService threads;

    private final Map<Integer, byte[]> keys = new ConcurrentHashMap<>();

    private final LongAdder valid = new LongAdder();

    private final LongAdder invalid = new LongAdder();

    private final LongAdder plain = new LongAdder();

    private volatile Consumer<Arrival> listener;

    private LocalWebhookReceiver(HttpServer server, ExecutorService threads) {
        this.server = server;
        this.threads = threads;
    }

    static LocalWebhookReceiver start(int threads) throws IOException {
        var server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 1024);
        var pool = Executors.newFixedThreadPool(threads, r -> {
            var thread = new Thread(r, "receiver");
            thread.setDaemon(true);
            return thread;
        });
        var receiver = new LocalWebhookReceiver(server, pool);
        server.createContext("/hooks/", receiver::signed);
        server.createContext("/plain", receiver::plain);
        server.setExecutor(pool);
        server.start();
        return receiver;
    }

    String url(int endpoint) {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/hooks/" + endpoint;
    }

    String plainUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/plain";
    }

    void trust(int endpoint, String secret) {
        keys.put(endpoint, Base64.getDecoder().decode(secret.substring("whsec_".length())));
    }

    /** Hears every signed arrival, with its event id parsed from the body; null for counting only. */
    void listen(Consumer<Arrival> listener) {
        this.listener = listener;
    }

    long valid() {
        return valid.sum();
    }

    long invalid() {
        return invalid.sum();
    }

    long plain() {
        return plain.sum();
    }

    private void signed(HttpExchange exchange) throws IOException {
        try (exchange) {
            var body = exchange.getRequestBody().readAllBytes();
            long arrived = System.nanoTime();
            var path = exchange.getRequestURI().getPath();
            int endpoint = Integer.parseInt(path.substring(path.lastIndexOf('/') + 1));
            var headers = exchange.getRequestHeaders();
            boolean ok = verify(keys.get(endpoint), headers.getFirst("webhook-id"), headers.getFirst("webhook-timestamp"),
                    headers.getFirst("webhook-signature"), body);
            (ok ? valid : invalid).increment();
            var heard = listener;
            if (heard != null) {
                var eventId = JSON.readTree(body).path("data").path("eventId");
                heard.accept(new Arrival(endpoint, eventId.isMissingNode() || eventId.isNull() ? null : eventId.asString(),
                        arrived, ok));
            }
            exchange.sendResponseHeaders(ok ? 200 : 400, -1);
        }
    }

    private void plain(HttpExchange exchange) throws IOException {
        try (exchange) {
            exchange.getRequestBody().readAllBytes();
            plain.increment();
            exchange.sendResponseHeaders(200, -1);
        }
    }

    /** {@code v1,} + base64 HMAC-SHA256 over {@code id.timestamp.body}; any of the space-separated signatures may match. */
    private static boolean verify(byte[] key, String id, String timestamp, String header, byte[] body) {
        if (key == null || id == null || timestamp == null || header == null) {
            return false;
        }
        byte[] expected;
        try {
            var mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            mac.update((id + "." + timestamp + ".").getBytes(StandardCharsets.UTF_8));
            expected = mac.doFinal(body);
        }
        catch (GeneralSecurityException ex) {
            throw new IllegalStateException(ex);
        }
        for (var part : header.split(" ")) {
            if (part.startsWith("v1,") && MessageDigest.isEqual(Base64.getDecoder().decode(part.substring(3)), expected)) {
                return true;
            }
        }
        return false;
    }

    @Override
    public void close() {
        server.stop(0);
        threads.shutdownNow();
    }
}
