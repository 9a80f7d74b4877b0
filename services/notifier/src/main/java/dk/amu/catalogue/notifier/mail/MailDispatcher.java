package dk.amu.catalogue.notifier.mail;

import java.sql.Array;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.UUID;

import dk.amu.catalogue.notifier.matching.CloudEvent;
import dk.amu.catalogue.notifier.matching.Notices;
import dk.amu.catalogue.notifier.subscriptions.Subscription;
import dk.amu.catalogue.notifier.subscriptions.SubscriptionRepository;
import dk.amu.catalogue.notifier.system.NotifierProperties;
import dk.amu.catalogue.notifier.webhooks.DeliveryClaims;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import jakarta.annotation.PreDestroy;
import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.web.util.HtmlUtils;
import tools.jackson.databind.json.JsonMapper;

/**
 * Sends the e-mail deliveries that are due: one mail per notice for {@code IMMEDIATE}, one digest
 * per subscription for {@code DAILY_DIGEST} (its deliveries fall due together at the digest hour).
 * A failed send is retried after the same waits as a webhook, then the delivery is dead.
 *
 * <p>With several instances, a round claims the subscriptions it mails to ({@link DeliveryClaims}),
 * so a mail goes out from one instance only; each send is recorded at once, and the claims are
 * released at the end of the round.
 */
@Component
public class MailDispatcher {

    private static final Logger log = LoggerFactory.getLogger(MailDispatcher.class);

    private record Due(long id, UUID subscriptionId, int attempts, String event) {
    }

    private static final int CLAIMS_PER_ROUND = 100;

    private static final Duration SEND_MARGIN = Duration.ofSeconds(30);

    private final JdbcTemplate jdbc;

    private final DeliveryClaims claims;

    private final SubscriptionRepository subscriptions;

    private final MailTransport transport;

    private final JsonMapper json;

    private final NotifierProperties properties;

    private final Clock clock;

    private final Counter delivered;

    private final Counter failed;

    private volatile boolean stopping;

    MailDispatcher(JdbcTemplate jdbc, DeliveryClaims claims, SubscriptionRepository subscriptions,
            MailTransport transport, JsonMapper json, NotifierProperties properties, Clock clock, MeterRegistry meters) {
        this.jdbc = jdbc;
        this.claims = claims;
        this.subscriptions = subscriptions;
        this.transport = transport;
        this.json = json;
        this.properties = properties;
        this.clock = clock;
        this.delivered = Counter.builder("catalogue.notifier.delivered").tag("channel", "email")
                .description("e-mail deliveries sent").register(meters);
        this.failed = Counter.builder("catalogue.notifier.failed").tag("channel", "email")
                .description("e-mail sends that failed").register(meters);
    }

    public synchronized int deliverDueNow() {
        int sent = 0;
        while (!stopping) {
            var now = clock.instant();
            var until = now.plus(properties.claimLease());
            var claimed = claims.claimMailboxes(now, until, CLAIMS_PER_ROUND);
            if (claimed.isEmpty()) {
                return sent;
            }
            int[] round;
            try {
                round = round(claimed, now, until);
            }
            finally {
                claims.release(Notices.EMAIL, claimed);
            }
            sent += round[0];
            if (round[1] == 0) {
                return sent;
            }
        }
        return sent;
    }

    /** @return deliveries sent, and deliveries attempted */
    private int[] round(List<UUID> claimed, Instant now, Instant until) {
        var ids = jdbc.execute((ConnectionCallback<Array>) c -> c.createArrayOf("uuid", claimed.toArray()));
        var due = jdbc.query("select d.id, d.subscription_id, d.attempts, n.event from notifier.deliveries d "
                + "join notifier.notices n on n.id = d.notice where d.status = 'PENDING' and d.channel = ? "
                + "and d.next_attempt_at <= ? and d.subscription_id = any(?) order by d.subscription_id, d.id",
                (row, n) -> new Due(row.getLong(1), row.getObject(2, UUID.class), row.getInt(3), row.getString(4)),
                Notices.EMAIL, Timestamp.from(now), ids);
        var bySubscription = new LinkedHashMap<UUID, List<Due>>();
        due.forEach(d -> bySubscription.computeIfAbsent(d.subscriptionId(), k -> new ArrayList<>()).add(d));
        int sent = 0;
        int attempted = 0;
        for (var entry : bySubscription.entrySet()) {
            var subscription = subscriptions.byId(entry.getKey()).orElse(null);
            if (subscription == null || subscription.email() == null) {
                continue;
            }
            var batches = subscription.delivery() == Subscription.Delivery.DAILY_DIGEST ? List.of(entry.getValue())
                    : entry.getValue().stream().map(List::of).toList();
            for (var batch : batches) {
                // a send may take a while; none starts that the claim might not cover
                if (stopping || !clock.instant().plus(margin()).isBefore(until)) {
                    return new int[] { sent, attempted };
                }
                attempted += batch.size();
                sent += send(subscription, batch) ? batch.size() : 0;
            }
        }
        return new int[] { sent, attempted };
    }

    /** Longer than a mail server takes to answer, and short of the claim's lease. */
    private Duration margin() {
        var half = properties.claimLease().dividedBy(2);
        return SEND_MARGIN.compareTo(half) < 0 ? SEND_MARGIN : half;
    }

    @Scheduled(fixedDelayString = "${catalogue.notifier.webhooks.poll-interval:1s}")
    void poll() {
        deliverDueNow();
    }

    /** Lets the mail being sent finish and be recorded, so the instance that takes over does not send it again. */
    @PreDestroy
    void stop() {
        stopping = true;
        awaitRoundInProgress();
    }

    /** Returns once the round in progress, if any, has ended: a round holds this monitor. */
    private synchronized void awaitRoundInProgress() {
        // nothing to do but to have waited for the monitor
    }

    private boolean send(Subscription subscription, List<Due> batch) {
        var events = batch.stream().map(d -> json.readValue(d.event(), CloudEvent.class)).toList();
        var subject = events.size() == 1 ? "AMU-kataloget: " + events.get(0).data().text()
                : "AMU-kataloget: " + events.size() + " ændringer";
        var text = new StringBuilder("Hej\n\nDette er sket i AMU-kataloget:\n\n");
        var html = new StringBuilder("<p>Hej</p><p>Dette er sket i AMU-kataloget:</p><ul>");
        for (var event : events) {
            text.append("- ").append(event.data().text()).append('\n');
            html.append("<li>").append(HtmlUtils.htmlEscape(event.data().text())).append("</li>");
        }
        text.append("\nVenlig hilsen\nAMU-katalogets ændringstjeneste\n");
        html.append("</ul><p>Venlig hilsen<br>AMU-katalogets ændringstjeneste</p>");
        var now = clock.instant();
        try {
            transport.send(subscription.email(), subject.length() > 150 ? subject.substring(0, 150) + "…" : subject,
                    text.toString(), "<html><body>" + html + "</body></html>");
            delivered.increment(batch.size());
            batch.forEach(d -> jdbc.update("update notifier.deliveries set status = 'DELIVERED', attempts = attempts + 1, "
                    + "last_attempt_at = ?, delivered_at = ? where id = ?", Timestamp.from(now), Timestamp.from(now), d.id()));
            return true;
        }
        catch (RuntimeException ex) {
            failed.increment(batch.size());
            log.warn("Mail for subscription {} could not be sent: {}", subscription.id(), ex.getMessage());
            var waits = properties.webhooks().retryDelays();
            for (var d : batch) {
                int attempts = d.attempts() + 1;
                boolean dead = attempts > waits.size();
                jdbc.update("update notifier.deliveries set status = ?, attempts = ?, last_attempt_at = ?, next_attempt_at = ?, "
                        + "last_error = ? where id = ?", dead ? "DEAD" : "PENDING", attempts, Timestamp.from(now),
                        Timestamp.from(dead ? now : now.plus(waits.get(attempts - 1))), ex.getMessage(), d.id());
            }
            return false;
        }
    }
}
