package dk.amu.catalogue.serde.registry;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.MissingNode;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** JSON over HTTP to the registry, retrying what may succeed on a second try. */
final class RegistryHttp {

    static final String CONTENT_TYPE = "application/vnd.schemaregistry.v1+json";

    private static final String ACCEPT = CONTENT_TYPE
            + ", application/vnd.schemaregistry+json; qs=0.9, application/json; qs=0.5";

    private static final Logger log = LoggerFactory.getLogger(RegistryHttp.class);

    private final String baseUrl;

    private final RegistryClientOptions options;

    private final ObjectMapper mapper;

    private final HttpClient http;

    RegistryHttp(String baseUrl, RegistryClientOptions options, ObjectMapper mapper) {
        this.baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
        this.options = options;
        this.mapper = mapper;
        // HTTP/1.1 because the default HTTP/2 attempt sends an h2c upgrade some registries reject
        this.http = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(options.connectTimeout())
                .build();
    }

    String baseUrl() {
        return baseUrl;
    }

    RegistryAnswer get(String path) {
        return send(request(path).GET().build());
    }

    RegistryAnswer post(String path, String json) {
        return send(request(path)
                .header("Content-Type", CONTENT_TYPE)
                .POST(HttpRequest.BodyPublishers.ofString(json, StandardCharsets.UTF_8))
                .build());
    }

    private HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(URI.create(baseUrl + path))
                .timeout(options.requestTimeout())
                .header("Accept", ACCEPT);
    }

    private RegistryAnswer send(HttpRequest request) {
        IOException lastError = null;
        for (var attempt = 1; attempt <= options.maxAttempts(); attempt++) {
            try {
                var response = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
                var answer = answer(response, attempt);
                if (!isTransient(answer.status()) || attempt == options.maxAttempts()) {
                    return answer;
                }
                log.debug("{} {} answered {}; retrying", request.method(), request.uri(), answer.status());
            }
            catch (IOException ex) {
                lastError = ex;
                log.debug("{} {} failed: {}; retrying", request.method(), request.uri(), ex.toString());
            }
            catch (InterruptedException ex) {
                Thread.currentThread().interrupt();
                throw new SchemaRegistryException("interrupted while calling the schema registry at " + baseUrl, ex);
            }
            if (attempt < options.maxAttempts()) {
                pause(options.backoffAfter(attempt));
            }
        }
        throw new SchemaRegistryUnreachableException("schema registry at " + baseUrl + " is unreachable after "
                + options.maxAttempts() + " attempts (" + request.method() + " " + request.uri().getPath() + "): "
                + lastError, options.maxAttempts(), lastError);
    }

    private static boolean isTransient(int status) {
        return status >= 500 || status == 408 || status == 429;
    }

    private RegistryAnswer answer(HttpResponse<byte[]> response, int attempt) {
        var raw = response.body();
        JsonNode body = MissingNode.getInstance();
        try {
            if (raw.length > 0) {
                body = mapper.readTree(raw);
            }
        }
        catch (IOException ex) {
            // a proxy's HTML error page: keep the text as the message
        }
        var status = response.statusCode();
        var errorCode = body.path("error_code").asInt(status);
        var message = body.path("message").isTextual() ? body.path("message").asText()
                : abbreviate(new String(raw, StandardCharsets.UTF_8));
        return new RegistryAnswer(status, body, errorCode, message, attempt);
    }

    private static String abbreviate(String text) {
        return text.length() <= 200 ? text : text.substring(0, 200) + "...";
    }

    private void pause(Duration delay) {
        try {
            Thread.sleep(delay.toMillis());
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            throw new SchemaRegistryException("interrupted while waiting to retry the schema registry at " + baseUrl, ex);
        }
    }
}
