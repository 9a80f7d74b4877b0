package dk.amu.catalogue.notifier.support;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A webhook receiver written from the Standard Webhooks specification alone, with none of the
 * notifier's code: it checks every signature with its own HMAC over {@code id.timestamp.body}, keyed
 * with the base64-decoded part of the {@code whsec_} secret, and records what it got.
 */
public final class WebhookReceiver implements AutoCloseable {

    /** One request as it arrived; {@code headers} and {@code body} as they came, for a check by another library. */
    public record Received(String webhookId, long timestamp, String signature, String contentType, JsonNode event,
            boolean signatureValid, java.net.http.HttpHeaders headers, byte[] body) {

        public String type() {
            return event.get("type").asString();
        }

        public JsonNode data() {
            return event.get("data");
        }
    }

    /** An answer to give: a status, and a body or none. */
    private record Answer(int status, String body) {
    }

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final HttpServer server;

    private final List<Received> received = new CopyOnWriteArrayList<>();

    private final List<String> secrets = new CopyOnWriteArrayList<>();

    private final Deque<Answer> answers = new ArrayDeque<>();

    private volatile String retryAfter;

    private WebhookReceiver(HttpServer server) {
        this.server = server;
    }

    public static WebhookReceiver start() throws IOException {
        var server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        var receiver = new WebhookReceiver(server);
        server.createContext("/", receiver::handle);
        server.setExecutor(Executors.newFixedThreadPool(4));
        server.start();
        return receiver;
    }

    public String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/hooks";
    }

    public void trust(String secret) {
        secrets.add(secret);
    }

    /** The next answers, in order; then 200 again. */
    public synchronized void answer(Integer... statuses) {
        List.of(statuses).forEach(status -> answers.add(new Answer(status, null)));
    }

    /** The next answer, with a body (plain text), after those already given; then 200 again. */
    public synchronized void answer(int status, String body) {
        answers.add(new Answer(status, body));
    }

    public void retryAfter(String value) {
        this.retryAfter = value;
    }

    public List<Received> received() {
        return new ArrayList<>(received);
    }

    private synchronized Answer nextAnswer() {
        return answers.isEmpty() ? new Answer(200, null) : answers.poll();
    }

    private void handle(HttpExchange exchange) throws IOException {
        var body = exchange.getRequestBody().readAllBytes();
        var headers = exchange.getRequestHeaders();
        var id = headers.getFirst("webhook-id");
        var timestamp = Long.parseLong(headers.getFirst("webhook-timestamp"));
        var signature = headers.getFirst("webhook-signature");
        received.add(new Received(id, timestamp, signature, headers.getFirst("Content-Type"), JSON.readTree(body),
                verify(id, timestamp, signature, body), java.net.http.HttpHeaders.of(headers, (name, value) -> true), body));
        var answer = nextAnswer();
        if (retryAfter != null && answer.status() != 200) {
            exchange.getResponseHeaders().add("Retry-After", retryAfter);
        }
        if (answer.body() == null) {
            exchange.sendResponseHeaders(answer.status(), -1);
        }
        else {
            var text = answer.body().getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "text/plain; charset=utf-8");
            exchange.sendResponseHeaders(answer.status(), text.length);
            exchange.getResponseBody().write(text);
        }
        exchange.close();
    }

    private boolean verify(String id, long timestamp, String header, byte[] body) {
        if (header == null) {
            return false;
        }
        for (var secret : secrets) {
            var expected = hmac(secret, (id + "." + timestamp + ".").getBytes(StandardCharsets.UTF_8), body);
            for (var part : header.split(" ")) {
                var comma = part.indexOf(',');
                if (comma > 0 && part.substring(0, comma).equals("v1") && MessageDigest.isEqual(
                        Base64.getDecoder().decode(part.substring(comma + 1)), expected)) {
                    return true;
                }
            }
        }
        return false;
    }

    private static byte[] hmac(String secret, byte[] prefix, byte[] body) {
        try {
            var key = Base64.getDecoder().decode(secret.substring("whsec_".length()));
            var mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            mac.update(prefix);
            return mac.doFinal(body);
        }
        catch (java.security.GeneralSecurityException ex) {
            throw new IllegalStateException(ex);
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
