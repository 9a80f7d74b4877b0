package dk.amu.catalogue.standalone.scaleout;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Webhook receivers, one path per subscription, recording every request in arrival order. The
 * first attempt of every seventh webhook-id is answered 503, so deliveries are retried, and the
 * later ones of that endpoint must wait for the retry.
 */
final class WebhookLog implements AutoCloseable {

    /** One request: the endpoint's path, its {@code webhook-id}, the CloudEvent, and the answer it got. */
    record Request(String endpoint, String webhookId, JsonNode event, int status) {

        String noticeId() {
            return event.get("id").asString();
        }

        boolean accepted() {
            return status / 100 == 2;
        }
    }

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final HttpServer server;

    private final ExecutorService threads = Executors.newFixedThreadPool(8);

    private final List<Request> requests = new CopyOnWriteArrayList<>();

    private final Set<String> refused = ConcurrentHashMap.newKeySet();

    private WebhookLog(HttpServer server) {
        this.server = server;
    }

    static WebhookLog start() throws IOException {
        var server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        var log = new WebhookLog(server);
        server.createContext("/", log::handle);
        server.setExecutor(log.threads);
        server.start();
        return log;
    }

    String url(String endpoint) {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/" + endpoint;
    }

    List<Request> accepted() {
        return requests.stream().filter(Request::accepted).toList();
    }

    List<Request> accepted(String endpoint) {
        return requests.stream().filter(Request::accepted).filter(r -> r.endpoint().equals(endpoint)).toList();
    }

    int refusals() {
        return refused.size();
    }

    private void handle(HttpExchange exchange) throws IOException {
        var body = exchange.getRequestBody().readAllBytes();
        var id = exchange.getRequestHeaders().getFirst("webhook-id");
        int status = Math.floorMod(id.hashCode(), 7) == 0 && refused.add(id) ? 503 : 200;
        // recorded before the answer leaves, so a sender that has its answer finds its request here
        requests.add(new Request(exchange.getRequestURI().getPath().substring(1), id, JSON.readTree(body), status));
        exchange.sendResponseHeaders(status, -1);
        exchange.close();
    }

    @Override
    public void close() {
        server.stop(0);
        threads.shutdownNow();
    }
}
