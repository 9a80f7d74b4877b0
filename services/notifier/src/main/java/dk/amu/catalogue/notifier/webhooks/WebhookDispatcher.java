package dk.amu.catalogue.notifier.webhooks;

import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;

import dk.amu.catalogue.notifier.matching.SubscriptionIndexSync;
import dk.amu.catalogue.notifier.outbox.DeliveryClaims;
import dk.amu.catalogue.notifier.outbox.DeliveryRepository;
import dk.amu.catalogue.notifier.outbox.Due;
import dk.amu.catalogue.notifier.outbox.Notices;
import dk.amu.catalogue.notifier.outbox.WebhooksRecorded;
import dk.amu.catalogue.notifier.system.NotifierProperties;
import jakarta.annotation.PreDestroy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * The loop that sends due webhook deliveries: on a poll, on a nudge (a committed batch, a hand-over),
 * or when a test calls {@link #deliverDueNow()} after moving the clock. Each run first sends what was
 * handed over ({@link HandOver}), then claims endpoints with work due ({@link DeliveryClaims}) round
 * after round ({@link SendRounds}) until nothing more is due. Several instances share the work: no
 * two send to one endpoint at a time, and a delivery that succeeded is not sent again. On shutdown the
 * round in progress finishes and records what it sent.
 */
@Component
public class WebhookDispatcher {

    private static final Logger log = LoggerFactory.getLogger(WebhookDispatcher.class);

    private static final int PER_ENDPOINT = 100;

    private final DeliveryRepository deliveries;

    private final DeliveryClaims claims;

    private final SubscriptionIndexSync sync;

    private final HandOver handOver;

    private final SendRounds rounds;

    private final NotifierProperties properties;

    private final Clock clock;

    private final ExecutorService nudges = Executors.newSingleThreadExecutor(r -> new Thread(r, "webhook-nudge"));

    private final AtomicBoolean nudged = new AtomicBoolean();

    private volatile boolean stopping;

    WebhookDispatcher(DeliveryRepository deliveries, DeliveryClaims claims, SubscriptionIndexSync sync, HandOver handOver,
            SendRounds rounds, NotifierProperties properties, Clock clock) {
        this.deliveries = deliveries;
        this.claims = claims;
        this.sync = sync;
        this.handOver = handOver;
        this.rounds = rounds;
        this.properties = properties;
        this.clock = clock;
    }

    /** Sends everything due now, endpoint by endpoint in order, until nothing more is due; returns the attempts made. */
    public synchronized int deliverDueNow() {
        int attempts = handOver.send();
        while (!stopping && !Thread.currentThread().isInterrupted()) {
            sync.refresh();
            var now = clock.instant();
            var until = now.plus(properties.claimLease());
            var claimed = claims.claimEndpoints(now, until, properties.webhooks().concurrency() * 4);
            if (claimed.isEmpty()) {
                return attempts;
            }
            var results = rounds.run(claimed, until, send -> {
                var due = deliveries.due(Notices.WEBHOOK, claimed, now, PER_ENDPOINT);
                var byEndpoint = new LinkedHashMap<UUID, List<Due>>();
                due.forEach(d -> byEndpoint.computeIfAbsent(d.subscriptionId(), k -> new ArrayList<>()).add(d));
                byEndpoint.forEach(send);
            });
            attempts += results.size();
            if (results.isEmpty()) {
                return attempts;
            }
        }
        return attempts;
    }

    /** Takes deliveries this instance recorded, once their transaction has committed, and asks for a send. */
    @TransactionalEventListener
    public void recorded(WebhooksRecorded recorded) {
        if (!properties.scheduling() || stopping) {
            return;
        }
        handOver.offer(recorded);
        nudge();
    }

    /** Asks for a send soon, off the caller's thread; many nudges while one runs make one more run. */
    public void nudge() {
        if (!properties.scheduling() || stopping || !nudged.compareAndSet(false, true)) {
            return;
        }
        nudges.execute(() -> {
            nudged.set(false);
            try {
                deliverDueNow();
            }
            catch (RuntimeException ex) {
                log.warn("Sending webhooks failed; the next poll tries again: {}", ex.toString());
            }
        });
    }

    @Scheduled(fixedDelayString = "${catalogue.notifier.webhooks.poll-interval:1s}")
    void poll() {
        deliverDueNow();
    }

    /**
     * Lets the round in progress finish its requests and record them, so a delivery a receiver got is
     * not sent again by the instance that takes over; then stops.
     */
    @PreDestroy
    void stop() {
        stopping = true;
        rounds.stopSending();
        nudges.shutdown();
        synchronized (this) {
            rounds.shutdown();
        }
    }
}
