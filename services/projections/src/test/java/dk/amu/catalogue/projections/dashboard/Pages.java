package dk.amu.catalogue.projections.dashboard;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Optional;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;

/** The dashboard over HTTP, as a browser without script sees it: a status, headers and parsed HTML. */
final class Pages {

    private final HttpClient http = HttpClient.newHttpClient();

    private final String base;

    Pages(int port) {
        this.base = "http://127.0.0.1:" + port;
    }

    record Page(int status, Document html, Optional<String> setCookie, long millis) {
    }

    /** A page; {@code headers} as name, value pairs (Accept-Language, Cookie). */
    Page get(String pathAndQuery, String... headers) {
        var request = HttpRequest.newBuilder(URI.create(base + pathAndQuery)).GET();
        if (headers.length > 0) {
            request.headers(headers);
        }
        try {
            var started = System.nanoTime();
            var response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            var millis = (System.nanoTime() - started) / 1_000_000;
            return new Page(response.statusCode(), Jsoup.parse(response.body(), base + pathAndQuery),
                    response.headers().firstValue("Set-Cookie"), millis);
        }
        catch (IOException ex) {
            throw new IllegalStateException("GET " + pathAndQuery + " failed", ex);
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(ex);
        }
    }

    /** A page that must answer 200. */
    Document html(String pathAndQuery, String... headers) {
        var page = get(pathAndQuery, headers);
        if (page.status() != 200) {
            throw new AssertionError("GET " + pathAndQuery + " answered " + page.status() + ": " + page.html().text());
        }
        return page.html();
    }

    /** The status and content type of a static file. */
    List<String> asset(String path) {
        try {
            var response = http.send(HttpRequest.newBuilder(URI.create(base + path)).GET().build(),
                    HttpResponse.BodyHandlers.discarding());
            return List.of(Integer.toString(response.statusCode()), response.headers().firstValue("Content-Type").orElse(""));
        }
        catch (IOException ex) {
            throw new IllegalStateException("GET " + path + " failed", ex);
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(ex);
        }
    }
}
