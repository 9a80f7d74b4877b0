package dk.amu.catalogue.registry;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** Calls the registry over real HTTP, the way a serde or curl would. */
final class RegistryHttp {

    static final String V1_JSON = "application/vnd.schemaregistry.v1+json";

    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private final String baseUrl;

    RegistryHttp(String baseUrl) {
        this.baseUrl = baseUrl;
    }

    record Reply(int status, String contentType, String text) {

        JsonNode json() {
            try {
                return JSON.readTree(text);
            }
            catch (IOException ex) {
                throw new UncheckedIOException("not JSON: " + text, ex);
            }
        }

        int errorCode() {
            return json().path("error_code").asInt();
        }

        String message() {
            return json().path("message").asText();
        }
    }

    Reply get(String path) {
        return send("GET", path, null, null);
    }

    Reply post(String path, String body) {
        return send("POST", path, body, V1_JSON);
    }

    Reply put(String path, String body) {
        return send("PUT", path, body, V1_JSON);
    }

    Reply delete(String path) {
        return send("DELETE", path, null, null);
    }

    Reply register(String subject, String schema) {
        return post("/subjects/" + encode(subject) + "/versions", schemaBody(schema));
    }

    int registerId(String subject, String schema) {
        var reply = register(subject, schema);
        if (reply.status() != 200) {
            throw new AssertionError("registering in " + subject + " failed: " + reply.status() + " " + reply.text());
        }
        return reply.json().path("id").asInt();
    }

    Reply send(String method, String path, String body, String contentType) {
        var request = HttpRequest.newBuilder(URI.create(baseUrl + path))
                .timeout(Duration.ofSeconds(30))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (contentType != null) {
            request.header("Content-Type", contentType);
        }
        try {
            var response = client.send(request.build(), HttpResponse.BodyHandlers.ofString());
            return new Reply(response.statusCode(), response.headers().firstValue("Content-Type").orElse(null), response.body());
        }
        catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(ex);
        }
    }

    static String schemaBody(String schema) {
        return JSON.createObjectNode().put("schema", schema).toString();
    }

    static String encode(String pathSegment) {
        return URLEncoder.encode(pathSegment, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
