package dk.amu.catalogue.registry;

import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Matches method and path to an endpoint and writes its answer, or the error, as Confluent-shaped JSON.
 * A path that exists with another method answers 405; a path that does not exist answers 404.
 */
final class RestRouter implements HttpHandler {

    static final String CONTENT_TYPE = "application/vnd.schemaregistry.v1+json";

    private static final Logger log = LoggerFactory.getLogger(RestRouter.class);

    private static final ObjectMapper JSON = new ObjectMapper();

    /** Handles one matched request; the returned body is answered with 200. */
    interface Endpoint {
        Object handle(RestRequest request);
    }

    private record Route(String method, List<String> pattern, Endpoint endpoint) {

        Map<String, String> match(List<String> segments) {
            if (segments.size() != pattern.size()) {
                return null;
            }
            var variables = new HashMap<String, String>();
            for (int i = 0; i < segments.size(); i++) {
                var expected = pattern.get(i);
                if (expected.startsWith("{")) {
                    variables.put(expected.substring(1, expected.length() - 1), segments.get(i));
                }
                else if (!expected.equals(segments.get(i))) {
                    return null;
                }
            }
            return variables;
        }
    }

    private final List<Route> routes = new ArrayList<>();

    RestRouter route(String method, String pattern, Endpoint endpoint) {
        routes.add(new Route(method, segments(pattern), endpoint));
        return this;
    }

    @Override
    public void handle(HttpExchange exchange) throws IOException {
        try {
            respond(exchange, 200, dispatch(exchange));
        }
        catch (RegistryError ex) {
            if (ex.status() >= 500) {
                log.error("{} {} failed: {}", exchange.getRequestMethod(), exchange.getRequestURI(), ex.getMessage(), ex);
            }
            respond(exchange, ex.status(), new Bodies.Error(ex.errorCode(), ex.getMessage()));
        }
        catch (RuntimeException ex) {
            log.error("{} {} failed", exchange.getRequestMethod(), exchange.getRequestURI(), ex);
            respond(exchange, 500, new Bodies.Error(50001, "Error in the schema registry: " + ex.getMessage()));
        }
        finally {
            exchange.close();
        }
    }

    private Object dispatch(HttpExchange exchange) {
        List<String> segments;
        try {
            segments = segments(exchange.getRequestURI().getRawPath());
        }
        catch (IllegalArgumentException ex) {
            throw RegistryError.notFound();
        }
        boolean pathExists = false;
        for (var route : routes) {
            var variables = route.match(segments);
            if (variables != null) {
                pathExists = true;
                if (route.method().equals(exchange.getRequestMethod())) {
                    return route.endpoint().handle(new RestRequest(exchange, variables));
                }
            }
        }
        throw pathExists ? RegistryError.methodNotAllowed() : RegistryError.notFound();
    }

    /** Splits a raw path and decodes each segment on its own, so an encoded '/' stays inside a subject name. */
    private static List<String> segments(String rawPath) {
        return Arrays.stream(rawPath.split("/"))
                .filter(segment -> !segment.isEmpty())
                .map(segment -> URLDecoder.decode(segment.replace("+", "%2B"), StandardCharsets.UTF_8))
                .toList();
    }

    private static void respond(HttpExchange exchange, int status, Object body) throws IOException {
        byte[] bytes = body instanceof Bodies.RawJson raw
                ? raw.json().getBytes(StandardCharsets.UTF_8)
                : JSON.writeValueAsBytes(body);
        exchange.getResponseHeaders().set("Content-Type", CONTENT_TYPE);
        exchange.sendResponseHeaders(status, bytes.length);
        try (var out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }
}
