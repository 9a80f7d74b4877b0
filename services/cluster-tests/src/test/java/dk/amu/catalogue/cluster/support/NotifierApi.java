package dk.amu.catalogue.cluster.support;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Collection;
import java.util.List;
import java.util.Map;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The notifier's HTTP API, as far as a school needs it to follow FKBs by webhook. */
public final class NotifierApi {

    /** Every type of notice except the warnings, which the clock rather than the log decides. */
    public static final List<String> LOG_NOTICES = List.of("FkbTracked", "FkbRevised", "CourseLinked",
            "CourseLinkEndScheduled", "CourseLinkEndWithdrawn", "CourseLinkStartChanged", "CourseDetailsChanged",
            "CourseUnlinked", "CourseLinkExpired");

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final HttpClient http = HttpClient.newHttpClient();

    private final String base;

    public NotifierApi(int port) {
        this.base = "http://127.0.0.1:" + port;
    }

    /** Creates a school and its subscription to the FKBs' log notices by webhook; returns the subscription's id. */
    public String subscribe(Collection<String> fkbCodes, String webhookUrl) {
        var school = post("/api/schools", Services.ADMIN_TOKEN, Map.of("name", "Klyngeskolen", "email", "klynge@example.org"));
        var key = school.get("apiKey").asString();
        var subscription = post("/api/subscriptions", key, Map.of("fkbCodes", List.copyOf(fkbCodes),
                "eventTypes", LOG_NOTICES, "webhookUrl", webhookUrl));
        return subscription.get("id").asString();
    }

    private JsonNode post(String path, String token, Object body) {
        var request = HttpRequest.newBuilder(URI.create(base + path))
                .header("Content-Type", "application/json")
                .header("Authorization", "Bearer " + token)
                .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)))
                .build();
        try {
            var response = http.send(request, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() / 100 != 2) {
                throw new IllegalStateException("POST " + path + " answered " + response.statusCode() + ": " + response.body());
            }
            return JSON.readTree(response.body());
        }
        catch (IOException ex) {
            throw new IllegalStateException("POST " + path + " failed", ex);
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(ex);
        }
    }
}
