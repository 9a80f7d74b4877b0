package dk.amu.catalogue.notifier.system;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Settings of the notifier, prefix {@code catalogue.notifier}.
 *
 * @param adminToken          bearer token for creating schools and managing their keys (CATALOGUE_ADMIN_TOKEN);
 *                            without one, no school can be created
 * @param allowPrivateTargets lets webhooks reach loopback and private addresses
 *                            (CATALOGUE_NOTIFIER_ALLOW_PRIVATE_TARGETS); for the standalone and tests only,
 *                            since on a server it lets a school probe the internal network
 * @param publicUrl           how schools reach this service: the base of feed URLs and links in mails
 * @param scheduling          whether the dispatcher and the daily warning run start on their own;
 *                            tests turn it off and call them with a moved clock
 * @param consumers           listener threads for the events topic
 * @param claimLease          how long an instance may send a subscription's deliveries before another instance may
 *                            take them over; sending stops short of it, and the deliveries of an instance that died
 *                            wait this long before another instance sends them
 * @param webhooks            how webhooks are sent
 * @param mail                how e-mail is sent
 */
@Validated
@ConfigurationProperties("catalogue.notifier")
public record NotifierProperties(
        String adminToken,
        @DefaultValue("false") boolean allowPrivateTargets,
        @NotNull @DefaultValue("http://127.0.0.1:8083") URI publicUrl,
        @DefaultValue("true") boolean scheduling,
        @Min(1) @Max(6) @DefaultValue("1") int consumers,
        @NotNull @DefaultValue("2m") Duration claimLease,
        @Valid @NotNull @DefaultValue Webhooks webhooks,
        @Valid @NotNull @DefaultValue Mail mail) {

    /**
     * @param retryDelays      the wait after each failed attempt; the last one used up makes the delivery dead.
     *                         The default spans more than 24 hours, as the Standard Webhooks advice asks
     * @param jitter           each wait is spread by up to this fraction either way, so endpoints that
     *                         fail together are not retried together
     * @param connectTimeout   how long to wait for a receiver to accept the connection
     * @param requestTimeout   how long a receiver may take to answer
     * @param maxResponseBytes how much of an answer is read; the rest is dropped
     * @param disableAfter     an endpoint failing without a success for this long is disabled and its school mailed
     * @param secretOverlap    how long the previous secret still signs after a rotation
     * @param concurrency      endpoints sent to at the same time
     * @param pollInterval     how often the production scheduler looks for due deliveries
     */
    public record Webhooks(
            @NotEmpty @DefaultValue({ "5s", "5m", "30m", "2h", "5h", "10h", "10h" }) List<Duration> retryDelays,
            @Min(0) @Max(1) @DefaultValue("0.1") double jitter,
            @NotNull @DefaultValue("5s") Duration connectTimeout,
            @NotNull @DefaultValue("10s") Duration requestTimeout,
            @Min(0) @DefaultValue("65536") int maxResponseBytes,
            @NotNull @DefaultValue("3d") Duration disableAfter,
            @NotNull @DefaultValue("24h") Duration secretOverlap,
            @Min(1) @Max(256) @DefaultValue("32") int concurrency,
            @NotNull @DefaultValue("1s") Duration pollInterval) {
    }

    /**
     * @param from            the sender of every mail
     * @param directory       where mails are written as {@code .eml} files when no SMTP server is configured
     *                        ({@code spring.mail.host} unset)
     * @param immediateWindow how long an immediate mail waits for the rest of its ingestion (catalogue time):
     *                        the events of one new document version come in one transaction, but a consumer
     *                        may see them over several polls, and the school is to get one mail for them.
     *                        The mail goes sooner when a later event of the FKB shows the ingestion complete
     */
    public record Mail(
            @NotNull @DefaultValue("notifier@amu-catalogue.invalid") String from,
            @NotNull @DefaultValue("./data/mail") Path directory,
            @NotNull @DefaultValue("30s") Duration immediateWindow) {
    }
}
