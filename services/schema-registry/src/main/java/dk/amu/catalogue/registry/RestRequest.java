package dk.amu.catalogue.registry;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;

/** One HTTP request as the endpoints see it: path variables, query parameters and a JSON body. */
final class RestRequest {

    private static final Set<String> JSON_TYPES = Set.of(
            "application/vnd.schemaregistry.v1+json", "application/vnd.schemaregistry+json", "application/json");

    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpExchange exchange;

    private final Map<String, String> pathVariables;

    RestRequest(HttpExchange exchange, Map<String, String> pathVariables) {
        this.exchange = exchange;
        this.pathVariables = pathVariables;
    }

    String path(String name) {
        return pathVariables.get(name);
    }

    /** A numeric path variable; anything else is a path the API does not have, as in Confluent. */
    int intPath(String name) {
        try {
            return Integer.parseInt(path(name));
        }
        catch (NumberFormatException ex) {
            throw RegistryError.notFound();
        }
    }

    boolean flag(String name) {
        return "true".equalsIgnoreCase(query().get(name));
    }

    /** The body as a JSON object; an empty body reads as an empty object. */
    JsonNode body() {
        requireJsonContentType();
        try {
            var bytes = exchange.getRequestBody().readAllBytes();
            if (bytes.length == 0) {
                return JSON.createObjectNode();
            }
            var node = JSON.readTree(bytes);
            if (node == null || !node.isObject()) {
                throw RegistryError.unprocessable("The request body must be a JSON object");
            }
            return node;
        }
        catch (JsonProcessingException ex) {
            throw RegistryError.malformedJson(ex.getOriginalMessage());
        }
        catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }

    /** A text field of the body, or null when it is absent; any other JSON type is refused. */
    static String text(JsonNode body, String field) {
        var value = body.get(field);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isTextual()) {
            throw RegistryError.unprocessable("The field '" + field + "' must be a string");
        }
        return value.asText();
    }

    private void requireJsonContentType() {
        var contentType = exchange.getRequestHeaders().getFirst("Content-Type");
        if (contentType == null || contentType.isBlank()) {
            return;
        }
        var mediaType = contentType.split(";", 2)[0].trim().toLowerCase(Locale.ROOT);
        if (!JSON_TYPES.contains(mediaType)) {
            throw RegistryError.unsupportedMediaType();
        }
    }

    private Map<String, String> query() {
        var raw = exchange.getRequestURI().getRawQuery();
        var params = new HashMap<String, String>();
        if (raw == null) {
            return params;
        }
        for (var pair : raw.split("&")) {
            var parts = pair.split("=", 2);
            params.putIfAbsent(decode(parts[0]), parts.length > 1 ? decode(parts[1]) : "");
        }
        return params;
    }

    private static String decode(String text) {
        return URLDecoder.decode(text, StandardCharsets.UTF_8);
    }
}
