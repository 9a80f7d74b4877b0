package dk.amu.catalogue.notifier.mail;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import dk.amu.catalogue.notifier.links.LinkStore;
import dk.amu.catalogue.notifier.outbox.AttemptResult;
import dk.amu.catalogue.notifier.outbox.CloudEvent;
import dk.amu.catalogue.notifier.outbox.DeliveryClaims;
import dk.amu.catalogue.notifier.outbox.DeliveryRepository;
import dk.amu.catalogue.notifier.outbox.DeliveryStatus;
import dk.amu.catalogue.notifier.outbox.Due;
import dk.amu.catalogue.notifier.outbox.DueMail;
import dk.amu.catalogue.notifier.outbox.Notices;
import dk.amu.catalogue.notifier.outbox.RetrySchedule;
import dk.amu.catalogue.notifier.subscriptions.Subscription;
import dk.amu.catalogue.notifier.subscriptions.SubscriptionRepository;
import dk.amu.catalogue.notifier.system.NotifierProperties;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.annotation.PreDestroy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * Sends the e-mail deliveries that are due: for {@code IMMEDIATE} one mail per ingestion of an FKB
 * (one new document version) and one per warning, one digest per subscription for
 * {@code DAILY_DIGEST} (its deliveries fall due together at the digest hour); {@link MailGroups} says
 * which, and when an ingestion is complete. Each delivery of a mail is recorded on its own: a failed
 * send is retried, the mail as a whole, on the {@link RetrySchedule} every channel shares, then each
 * delivery is dead. The outbox rows are read and written through {@link DeliveryRepository} only.
 *
 * <p>With several instances, a round claims the subscriptions it mails to ({@link DeliveryClaims}),
 * so a mail goes out from one instance only; each send is recorded at once, and the claims are
 * released at the end of the round.
 */
@Component
public class MailDispatcher {

    private static final Logger log = LoggerFactory.getLogger(MailDispatcher.class);

    /** What a round did: deliveries sent, and deliveries attempted. */
    private record Round(int sent, int attempted) {
    }

    private static final int CLAIMS_PER_ROUND = 100;

    private static final Duration SEND_MARGIN = Duration.ofSeconds(30);

    private final DeliveryRepository deliveries;

    private final DeliveryClaims claims;

    private final RetrySchedule retries;

    private final SubscriptionRepository subscriptions;

    private final LinkStore links;

    private final MailTransport transport;

    private final JsonMapper json;

    private final NotifierProperties properties;

    private final Clock clock;

    private final Counter delivered;

    private final Counter failed;

    private volatile boolean stopping;

    MailDispatcher(DeliveryRepository deliveries, DeliveryClaims claims, RetrySchedule retries,
            SubscriptionRepository subscriptions, LinkStore links, MailTransport transport, JsonMapper json,
            NotifierProperties properties, Clock clock, MeterRegistry meters) {
        this.deliveries = deliveries;
        this.claims = claims;
        this.retries = retries;
        this.subscriptions = subscriptions;
        this.links = links;
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
            Round round;
            try {
                round = round(claimed, now, until);
            }
            finally {
                claims.release(Notices.EMAIL, claimed);
            }
            sent += round.sent();
            if (round.attempted() == 0) {
                return sent;
            }
        }
        return sent;
    }

    private Round round(List<UUID> claimed, Instant now, Instant until) {
        var due = deliveries.dueMail(claimed, now);
        var bySubscription = new LinkedHashMap<UUID, List<DueMail>>();
        due.forEach(d -> bySubscription.computeIfAbsent(d.delivery().subscriptionId(), k -> new ArrayList<>()).add(d));
        int sent = 0;
        int attempted = 0;
        for (var entry : bySubscription.entrySet()) {
            var subscription = subscriptions.byId(entry.getKey()).orElse(null);
            if (subscription == null || subscription.email() == null) {
                continue;
            }
            for (var batch : MailGroups.of(subscription.delivery(), entry.getValue())) {
                // a send may take a while; none starts that the claim might not cover
                if (stopping || !clock.instant().plus(margin()).isBefore(until)) {
                    return new Round(sent, attempted);
                }
                attempted += batch.size();
                sent += send(subscription, batch) ? batch.size() : 0;
            }
        }
        return new Round(sent, attempted);
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

    private AttemptResult failed(Due delivery, Instant now, String error, int took) {
        int attempts = delivery.attempts() + 1;
        return retries.waitAfter(attempts)
                .map(wait -> new AttemptResult(delivery.id(), DeliveryStatus.PENDING, attempts, now, now.plus(wait), null, error,
                        null, took))
                .orElseGet(() -> new AttemptResult(delivery.id(), DeliveryStatus.DEAD, attempts, now, now, null, error, null, took));
    }

    /** Wall-clock milliseconds the mail server took, for the attempts' history. */
    private static int millisSince(long nanoTime) {
        return (int) Math.min(Integer.MAX_VALUE, (System.nanoTime() - nanoTime) / 1_000_000);
    }

    private boolean send(Subscription subscription, List<DueMail> mail) {
        var batch = mail.stream().map(DueMail::delivery).toList();
        var events = batch.stream().map(d -> json.readValue(d.body(), CloudEvent.class)).toList();
        var first = mail.get(0);
        var content = subscription.delivery() == Subscription.Delivery.DAILY_DIGEST || first.ingestionId() == null
                ? MailText.of(events) : MailText.ofIngestion(fkbName(first.fkbCode()), MailGroups.importantFirst(events));
        var now = clock.instant();
        long started = System.nanoTime();
        try {
            transport.send(subscription.email(), content.subject(), content.text(), content.html());
            delivered.increment(batch.size());
            int took = millisSince(started);
            deliveries.recordMail(batch.stream().map(d -> new AttemptResult(d.id(), DeliveryStatus.DELIVERED, d.attempts() + 1,
                    now, null, null, null, null, took)).toList());
            return true;
        }
        catch (RuntimeException ex) {
            failed.increment(batch.size());
            log.warn("Mail for subscription {} could not be sent: {}", subscription.id(), ex.getMessage());
            int took = millisSince(started);
            deliveries.recordMail(batch.stream().map(d -> failed(d, now, ex.getMessage(), took)).toList());
            return false;
        }
    }

    /** The FKB's title and code, as the school knows it; the code alone before any title is known. */
    private String fkbName(String code) {
        var fkb = links.fkbs(Set.of(code)).get(code);
        return fkb == null || fkb.title() == null ? code : fkb.title() + " (" + code + ")";
    }
}
