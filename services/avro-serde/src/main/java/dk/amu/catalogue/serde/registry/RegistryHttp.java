package dk.amu.catalogue.serde.registry;

import java.io.IOException;
import java.io.InputStream;
import java.net.HttpURLConnection;
import java.net.Proxy;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.MissingNode;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * JSON over HTTP to the registry, retrying what may succeed on a second try. On
 * {@link HttpURLConnection} rather than {@code java.net.http}: a few calls in a process's life need
 * no asynchronous client, and that one loads some 400 classes (TLS among them, even for http) and
 * leaves a selector thread that holds up the JVM's exit by 300 ms, a tenth of a command line's time
 * (docs/benchmarks.md, "Audit command line"). HTTP/1.1, no proxy and no redirects, as before.
 */
final class RegistryHttp {

    static final String CONTENT_TYPE = "application/vnd.schemaregistry.v1+json";

    private static final String ACCEPT = CONTENT_TYPE
            + ", application/vnd.schemaregistry+json; qs=0.9, application/json; qs=0.5";

    private static final Logger log = LoggerFactory.getLogger(RegistryHttp.class);

    private final String baseUrl;

    private final RegistryClientOptions options;

    private final ObjectMapper mapper;

    RegistryHttp(String baseUrl, RegistryClientOptions options, ObjectMapper mapper) {
        this.baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
        this.options = options;
        this.mapper = mapper;
    }

    String baseUrl() {
        return baseUrl;
    }

    RegistryAnswer get(String path) {
        return send(new Request("GET", URI.create(baseUrl + path), null));
    }

    RegistryAnswer post(String path, String json) {
        return send(new Request("POST", URI.create(baseUrl + path), json.getBytes(StandardCharsets.UTF_8)));
    }

    private RegistryAnswer send(Request request) {
        IOException lastError = null;
        for (var attempt = 1; attempt <= options.maxAttempts(); attempt++) {
            try {
                var answer = exchange(request, attempt);
                if (!isTransient(answer.status()) || attempt == options.maxAttempts()) {
                    return answer;
                }
                log.debug("{} {} answered {}; retrying", request.method(), request.uri(), answer.status());
            }
            catch (IOException ex) {
                lastError = ex;
                log.debug("{} {} failed: {}; retrying", request.method(), request.uri(), ex.toString());
            }
            if (attempt < options.maxAttempts()) {
                pause(options.backoffAfter(attempt));
            }
        }
        throw new SchemaRegistryUnreachableException("schema registry at " + baseUrl + " is unreachable after "
                + options.maxAttempts() + " attempts (" + request.method() + " " + request.uri().getPath() + "): "
                + lastError, options.maxAttempts(), lastError);
    }

    /** One request; the body is read to its end, so that the connection goes back to the keep-alive cache. */
    private RegistryAnswer exchange(Request request, int attempt) throws IOException {
        var connection = (HttpURLConnection) request.uri().toURL().openConnection(Proxy.NO_PROXY);
        connection.setRequestMethod(request.method());
        connection.setInstanceFollowRedirects(false);
        connection.setConnectTimeout(timeoutMillis(options.connectTimeout()));
        connection.setReadTimeout(timeoutMillis(options.requestTimeout()));
        connection.setRequestProperty("Accept", ACCEPT);
        if (request.body() != null) {
            connection.setRequestProperty("Content-Type", CONTENT_TYPE);
            connection.setDoOutput(true);
            connection.setFixedLengthStreamingMode(request.body().length);
            try (var out = connection.getOutputStream()) {
                out.write(request.body());
            }
        }
        var status = connection.getResponseCode();
        byte[] body;
        try (InputStream in = status >= 400 ? connection.getErrorStream() : connection.getInputStream()) {
            body = in == null ? new byte[0] : in.readAllBytes();
        }
        return answer(status, body, attempt);
    }

    /** At least a millisecond: zero means no timeout at all to {@link HttpURLConnection}. */
    private static int timeoutMillis(Duration timeout) {
        return (int) Math.max(1, Math.min(Integer.MAX_VALUE, timeout.toMillis()));
    }

    private static boolean isTransient(int status) {
        return status >= 500 || status == 408 || status == 429;
    }

    private RegistryAnswer answer(int status, byte[] raw, int attempt) {
        JsonNode body = MissingNode.getInstance();
        try {
            if (raw.length > 0) {
                body = mapper.readTree(raw);
            }
        }
        catch (IOException ex) {
            // a proxy's HTML error page: keep the text as the message
        }
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

    private record Request(String method, URI uri, byte[] body) {
    }
}
