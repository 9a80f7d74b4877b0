package dk.amu.catalogue.cluster.support;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** A webhook receiver on loopback that answers 200 to everything and writes down what came, in order. */
public final class WebhookLog implements AutoCloseable {

    /** One request: its {@code webhook-id}, the CloudEvent type, and the catalogue event behind it (null for a summary). */
    public record Delivery(String webhookId, String type, String eventId, String fkbCode) {
    }

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final HttpServer server;

    private final ExecutorService executor = Executors.newFixedThreadPool(4);

    private final List<Delivery> received = new CopyOnWriteArrayList<>();

    private WebhookLog(HttpServer server) {
        this.server = server;
    }

    public static WebhookLog start() throws IOException {
        var log = new WebhookLog(HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0));
        log.server.createContext("/", log::handle);
        log.server.setExecutor(log.executor);
        log.server.start();
        return log;
    }

    public String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/hooks";
    }

    public List<Delivery> received() {
        return new ArrayList<>(received);
    }

    private void handle(HttpExchange exchange) throws IOException {
        JsonNode event = JSON.readTree(exchange.getRequestBody().readAllBytes());
        var data = event.path("data");
        received.add(new Delivery(exchange.getRequestHeaders().getFirst("webhook-id"), event.path("type").asString(),
                data.path("eventId").isMissingNode() || data.path("eventId").isNull() ? null : data.path("eventId").asString(),
                data.path("fkbCode").asString()));
        exchange.sendResponseHeaders(200, -1);
        exchange.close();
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }
}
