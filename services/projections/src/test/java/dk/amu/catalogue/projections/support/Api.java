package dk.amu.catalogue.projections.support;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;

import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.web.client.RestClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The query API over HTTP, as a client sees it: status, headers and JSON. */
public final class Api {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final RestClient http;

    public Api(int port) {
        this.http = RestClient.builder().baseUrl("http://127.0.0.1:" + port).build();
    }

    public record Answer(int status, HttpHeaders headers, JsonNode body) {
    }

    public Answer get(String uri, Object... variables) {
        return http.get().uri(uri, variables).accept(MediaType.APPLICATION_JSON, MediaType.APPLICATION_PROBLEM_JSON).exchange((request, response) -> new Answer(response.getStatusCode().value(),
                response.getHeaders(), read(response.bodyTo(String.class))));
    }

    public Answer post(String uri, String bearer) {
        return http.post().uri(uri).headers(h -> {
            if (bearer != null) {
                h.setBearerAuth(bearer);
            }
        }).exchange((request, response) -> new Answer(response.getStatusCode().value(), response.getHeaders(),
                read(response.bodyTo(String.class))));
    }

    /** The body of a 200 answer, as text. */
    public String text(String uri) {
        return http.get().uri(uri).retrieve().body(String.class);
    }

    /** The status of a conditional GET. */
    public int getIfNoneMatch(String uri, String etag) {
        return http.get().uri(uri).header(HttpHeaders.IF_NONE_MATCH, etag)
                .exchange((request, response) -> response.getStatusCode().value());
    }

    /** The JSON of a 200 answer. */
    public JsonNode json(String uri, Object... variables) {
        var answer = get(uri, variables);
        if (answer.status() != 200) {
            throw new AssertionError("GET " + uri + " answered " + answer.status() + ": " + answer.body());
        }
        return answer.body();
    }

    /** Every item of a paged list, following {@code next} to the last page. */
    public List<JsonNode> all(String uri, Object... variables) {
        var items = new ArrayList<JsonNode>();
        var page = json(uri, variables);
        while (true) {
            page.get("items").forEach(items::add);
            if (page.get("next").isNull()) {
                return items;
            }
            var next = URI.create(page.get("next").asString());
            page = http.get().uri(next).exchange((request, response) -> read(response.bodyTo(String.class)));
        }
    }

    private static JsonNode read(String body) {
        return body == null || body.isEmpty() ? JSON.nullNode() : JSON.readTree(body);
    }
}
