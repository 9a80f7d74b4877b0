package dk.amu.catalogue.notifier.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The portal as a browser without JavaScript uses it: cookies kept, redirects not followed (a test
 * sees the 303), forms posted with the CSRF token read from the page they came from.
 */
public final class PortalClient {

    public record Page(int status, String body, HttpResponse<String> response) {

        public String location() {
            return response.headers().firstValue("Location").orElse(null);
        }

        /** The value of the first hidden {@code _csrf} field on the page. */
        public String csrf() {
            var matcher = CSRF.matcher(body);
            if (!matcher.find()) {
                throw new AssertionError("no _csrf field on the page:\n" + body);
            }
            return matcher.group(1);
        }
    }

    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

    private final CookieManager cookies = new CookieManager();

    private final HttpClient http = HttpClient.newBuilder().cookieHandler(cookies).followRedirects(HttpClient.Redirect.NEVER)
            .build();

    private final String base;

    public PortalClient(int port) {
        this.base = "http://127.0.0.1:" + port;
    }

    public CookieManager cookies() {
        return cookies;
    }

    public Page get(String path) {
        return send(HttpRequest.newBuilder(URI.create(base + path)).GET());
    }

    /** Posts a form as the browser would, with {@code _csrf} added when given. */
    public Page post(String path, String csrf, Map<String, String> fields) {
        var form = new LinkedHashMap<>(fields);
        if (csrf != null) {
            form.put("_csrf", csrf);
        }
        var body = form.entrySet().stream().map(e -> encode(e.getKey()) + "=" + encode(e.getValue()))
                .collect(Collectors.joining("&"));
        return send(HttpRequest.newBuilder(URI.create(base + path)).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    /** Signs in as the school with this key; fails the test unless the portal sends it to its first page. */
    public PortalClient signIn(String apiKey) {
        var form = get("/login");
        var answer = post("/login", form.csrf(), Map.of("apiKey", apiKey));
        if (answer.status() != 303 || !"/".equals(answer.location())) {
            throw new AssertionError("sign-in failed: " + answer.status() + "\n" + answer.body());
        }
        return this;
    }

    public PortalClient signInAsOperator(String adminToken) {
        var form = get("/operator/login");
        var answer = post("/operator/login", form.csrf(), Map.of("token", adminToken));
        if (answer.status() != 303) {
            throw new AssertionError("operator sign-in failed: " + answer.status() + "\n" + answer.body());
        }
        return this;
    }

    private Page send(HttpRequest.Builder request) {
        try {
            var response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            return new Page(response.statusCode(), response.body(), response);
        }
        catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(ex);
        }
    }

    private static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }
}
