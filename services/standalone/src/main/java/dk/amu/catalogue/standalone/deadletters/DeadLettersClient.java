package dk.amu.catalogue.standalone.deadletters;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A running service's dead-letter API, called with the admin token. An answer that is not a success
 * becomes a {@link Failure} carrying the problem's detail, which says what to do.
 */
final class DeadLettersClient {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    /** A redrive re-reads an FKB's partition: longer than a page, still not forever. */
    private static final Duration TIMEOUT = Duration.ofMinutes(3);

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private final URI base;

    private final String token;

    /** What went wrong, in one line for the operator. */
    static final class Failure extends Exception {

        private final transient JsonNode problem;

        Failure(String message, JsonNode problem) {
            super(message);
            this.problem = problem;
        }

        JsonNode problem() {
            return problem;
        }
    }

    DeadLettersClient(URI base, String token) {
        this.base = base;
        this.token = token;
    }

    JsonNode get(String path) throws Failure {
        return send(HttpRequest.newBuilder(base.resolve(path)).GET());
    }

    JsonNode post(String path) throws Failure {
        return send(HttpRequest.newBuilder(base.resolve(path)).POST(HttpRequest.BodyPublishers.noBody()));
    }

    private JsonNode send(HttpRequest.Builder request) throws Failure {
        HttpResponse<String> response;
        try {
            response = http.send(request.timeout(TIMEOUT).header("Authorization", "Bearer " + token)
                    .header("Accept", "application/json, application/problem+json").build(),
                    HttpResponse.BodyHandlers.ofString());
        }
        catch (IOException ex) {
            throw new Failure("cannot reach " + base + " (" + ex.getClass().getSimpleName()
                    + "): is the service running? pass --url if it listens elsewhere", null);
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            throw new Failure("interrupted", null);
        }
        var body = parse(response.body());
        if (response.statusCode() / 100 != 2) {
            var detail = body != null && body.hasNonNull("detail") ? body.get("detail").asString()
                    : "HTTP " + response.statusCode();
            throw new Failure(detail + " (HTTP " + response.statusCode() + ")", body);
        }
        return body;
    }

    private static JsonNode parse(String body) {
        if (body == null || body.isBlank()) {
            return null;
        }
        try {
            return JSON.readTree(body);
        }
        catch (JacksonException ex) {
            return null;
        }
    }
}
