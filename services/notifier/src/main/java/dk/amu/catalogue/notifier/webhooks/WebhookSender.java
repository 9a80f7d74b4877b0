package dk.amu.catalogue.notifier.webhooks;

import java.io.IOException;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.NoRouteToHostException;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import dk.amu.catalogue.notifier.outbound.OutboundTargets;
import dk.amu.catalogue.notifier.outbound.UnsafeTargetException;
import dk.amu.catalogue.notifier.system.NotifierProperties;
import org.apache.hc.client5.http.ConnectTimeoutException;
import org.apache.hc.client5.http.classic.methods.HttpPost;
import org.apache.hc.client5.http.config.ConnectionConfig;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.core5.http.ClassicHttpResponse;
import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.http.HttpHost;
import org.apache.hc.core5.http.io.entity.ByteArrayEntity;
import org.apache.hc.core5.io.CloseMode;
import org.apache.hc.core5.util.TimeValue;
import org.apache.hc.core5.util.Timeout;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * One HTTP POST of a signed CloudEvent. The target is checked just before each attempt, since what a
 * host name resolves to can change after registration, and the connection goes to an address that
 * check returned and to no other: the host is resolved once, by {@link OutboundTargets}, and the
 * client is handed the checked address with the host name beside it (for the Host header, TLS SNI
 * and the certificate check), so it never resolves the name again. A DNS answer that changes
 * between the check and the connect (rebinding) therefore cannot reach an internal address.
 *
 * <p>Redirects are not followed (a 3xx is a failure: following one would let a public URL point the
 * notifier inward), the connection and the whole exchange are bounded in time, and at most
 * {@code maxResponseBytes} of the answer are read. Connections are pooled per host and checked
 * address, so a burst to one endpoint reuses a few connections instead of opening one per POST.
 *
 * <p>Transport time is wall-clock time: {@code webhook-timestamp}, its signature and a {@code Retry-After}
 * date are read on the system clock, never on the catalogue clock a demo or test moves, because
 * receivers hold the timestamp against their own clock (the Standard Webhooks libraries allow five
 * minutes). The event's {@code time}, the retry schedule and the valid secrets stay with the caller.
 */
@Component
public class WebhookSender implements DisposableBean {

    /** What one attempt came to: {@code status} 0 when no HTTP answer arrived; {@code excerpt} null when none did. */
    public record Outcome(int status, Duration retryAfter, String error, String excerpt) {

        boolean succeeded() {
            return status >= 200 && status < 300;
        }
    }

    /** As the CloudEvents SDKs write it: the JavaScript SDK matches it as a string and refuses {@code charset=UTF-8}. */
    static final String CLOUDEVENT_JSON = "application/cloudevents+json; charset=utf-8";

    private static final ContentType CLOUDEVENT = ContentType.parse(CLOUDEVENT_JSON);

    /** As much of an answer as an outcome keeps: enough to see what a receiver said, not a whole page. */
    static final int EXCERPT_CHARS = 500;

    private final CloseableHttpClient http;

    /** Cancels an exchange that outlives {@code requestTimeout}: a socket timeout alone bounds each read, not the whole. */
    private final ScheduledThreadPoolExecutor deadlines;

    private final OutboundTargets targets;

    private final NotifierProperties.Webhooks settings;

    /** The system clock in service, not the catalogue clock: see the class comment. */
    private final Clock transport;

    @Autowired
    WebhookSender(OutboundTargets targets, NotifierProperties properties) {
        this(targets, properties, Clock.systemUTC());
    }

    WebhookSender(OutboundTargets targets, NotifierProperties properties, Clock transport) {
        this.transport = transport;
        this.targets = targets;
        this.settings = properties.webhooks();
        var requestTimeout = Timeout.of(settings.requestTimeout());
        var connections = PoolingHttpClientConnectionManagerBuilder.create()
                // every sender thread may talk to the same endpoint; idle connections to others make room as needed
                .setMaxConnPerRoute(settings.concurrency())
                .setMaxConnTotal(4 * settings.concurrency())
                .setDefaultConnectionConfig(ConnectionConfig.custom()
                        .setConnectTimeout(Timeout.of(settings.connectTimeout()))
                        .setSocketTimeout(requestTimeout)
                        .setValidateAfterInactivity(TimeValue.ofSeconds(2))
                        .build())
                .build();
        // no proxy and no system properties: a proxy would connect to a target nobody checked
        this.http = HttpClients.custom()
                .setConnectionManager(connections)
                .setDefaultRequestConfig(RequestConfig.custom()
                        .setRedirectsEnabled(false)
                        .setAuthenticationEnabled(false)
                        .setContentCompressionEnabled(false)
                        .setResponseTimeout(requestTimeout)
                        .setConnectionRequestTimeout(requestTimeout)
                        .build())
                .disableRedirectHandling()
                .disableAutomaticRetries()
                .disableCookieManagement()
                .disableContentCompression()
                .disableAuthCaching()
                .setUserAgent("amu-catalogue-notifier")
                .evictIdleConnections(TimeValue.ofMinutes(1))
                .build();
        this.deadlines = new ScheduledThreadPoolExecutor(1, r -> {
            var thread = new Thread(r, "webhook-deadlines");
            thread.setDaemon(true);
            return thread;
        });
        this.deadlines.setRemoveOnCancelPolicy(true);
    }

    /** Stamps the body now by the transport clock, signs it with each of the valid {@code secrets}, and POSTs it. */
    public Outcome send(URI url, String messageId, List<String> secrets, byte[] body) {
        List<InetAddress> addresses;
        try {
            addresses = targets.check(url);
        }
        catch (UnsafeTargetException ex) {
            return new Outcome(0, null, ex.getMessage(), null);
        }
        long timestamp = transport.instant().getEpochSecond();
        var signature = Signatures.header(secrets, messageId, timestamp, body);
        String unreachable = null;
        for (var address : addresses) {
            try {
                return post(pinned(url, address), url, messageId, timestamp, signature, body);
            }
            catch (ConnectException | ConnectTimeoutException | NoRouteToHostException ex) {
                // nothing was sent to this address: the next checked one may answer
                unreachable = describe(ex);
            }
            catch (IOException ex) {
                return new Outcome(0, null, describe(ex), null);
            }
        }
        return new Outcome(0, null, unreachable, null);
    }

    /** The URL's scheme, host name and port, with the checked address the connection must go to. */
    static HttpHost pinned(URI url, InetAddress address) {
        var scheme = url.getScheme().toLowerCase(Locale.ROOT);
        var host = OutboundTargets.host(url);
        if (host.startsWith("[")) {
            host = host.substring(1, host.length() - 1);
        }
        int port = OutboundTargets.port(url);
        return new HttpHost(scheme, address, host, port != -1 ? port : scheme.equals("https") ? 443 : 80);
    }

    private Outcome post(HttpHost target, URI url, String messageId, long timestamp, String signature, byte[] body)
            throws IOException {
        var request = new HttpPost(url);
        request.setHeader("webhook-id", messageId);
        request.setHeader("webhook-timestamp", Long.toString(timestamp));
        request.setHeader("webhook-signature", signature);
        request.setEntity(new ByteArrayEntity(body, CLOUDEVENT));
        // set before the cancel, so the failure the cancel causes is known for a timeout
        var expired = new AtomicBoolean();
        Future<?> deadline = deadlines.schedule(() -> {
            expired.set(true);
            request.cancel();
        }, settings.requestTimeout().toMillis(), TimeUnit.MILLISECONDS);
        ClassicHttpResponse response = null;
        try {
            response = http.executeOpen(target, request, null);
            int status = response.getCode();
            var excerpt = excerpt(request, response);
            var header = response.getFirstHeader("Retry-After");
            var retryAfter = header == null ? null : RetryAfter.parse(header.getValue(), transport.instant());
            return new Outcome(status, retryAfter, status / 100 == 2 ? null : "HTTP " + status + ": " + oneLine(excerpt),
                    excerpt.length() > EXCERPT_CHARS ? excerpt.substring(0, EXCERPT_CHARS) : excerpt);
        }
        catch (IOException ex) {
            // a read that timed out hit the same bound: the socket timeout is the request timeout
            if (expired.get() || ex instanceof SocketTimeoutException) {
                throw new SocketTimeoutException("no complete answer within " + settings.requestTimeout());
            }
            throw ex;
        }
        finally {
            deadline.cancel(false);
            closeQuietly(response);
        }
    }

    /** At most {@code maxResponseBytes}; a longer answer's connection is dropped rather than drained. */
    private String excerpt(HttpPost request, ClassicHttpResponse response) throws IOException {
        var entity = response.getEntity();
        if (entity == null) {
            return "";
        }
        int max = settings.maxResponseBytes();
        var bytes = entity.getContent().readNBytes(max);
        if (bytes.length == max && entity.getContentLength() != max) {
            request.cancel();
        }
        return new String(bytes, StandardCharsets.UTF_8);
    }

    private static void closeQuietly(ClassicHttpResponse response) {
        if (response == null) {
            return;
        }
        try {
            response.close();
        }
        catch (IOException ex) {
            // the answer was read as far as it is wanted; a connection that will not close is dropped anyway
        }
    }

    private static String describe(IOException ex) {
        return ex.getClass().getSimpleName() + ": " + ex.getMessage();
    }

    private static String oneLine(String text) {
        var line = text.replaceAll("\\s+", " ").strip();
        return line.length() > 200 ? line.substring(0, 200) : line;
    }

    @Override
    public void destroy() {
        deadlines.shutdownNow();
        http.close(CloseMode.GRACEFUL);
    }
}
