package dk.amu.catalogue.notifier.webhooks;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.BiConsumer;
import java.util.function.Consumer;

import dk.amu.catalogue.notifier.matching.SubscriptionIndex;
import dk.amu.catalogue.notifier.outbox.AttemptResult;
import dk.amu.catalogue.notifier.outbox.DeliveryClaims;
import dk.amu.catalogue.notifier.outbox.DeliveryRepository;
import dk.amu.catalogue.notifier.outbox.DeliveryStatus;
import dk.amu.catalogue.notifier.outbox.Due;
import dk.amu.catalogue.notifier.outbox.Notices;
import dk.amu.catalogue.notifier.subscriptions.SubscriptionRepository;
import dk.amu.catalogue.notifier.system.NotifierProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * A round of sending on claimed endpoints: endpoints in parallel, each one's deliveries in order, a
 * delivery never before the one ahead of it has succeeded or died. The attempts are recorded at the
 * end of the round, then the claims released; what was sent but could not be recorded stays claimed
 * until the claim runs out, so no other instance sends it again meanwhile. A round stops sending to
 * an endpoint before its claim could run out during a request.
 */
@Component
class SendRounds {

    private static final Logger log = LoggerFactory.getLogger(SendRounds.class);

    private final DeliveryRepository deliveries;

    private final DeliveryClaims claims;

    private final SubscriptionIndex index;

    private final SubscriptionRepository subscriptions;

    private final DeliveryAttempt attempt;

    private final DeliveryTraces traces;

    private final NotifierProperties properties;

    private final Clock clock;

    private final ExecutorService senders;

    private volatile boolean stopping;

    SendRounds(DeliveryRepository deliveries, DeliveryClaims claims, SubscriptionIndex index,
            SubscriptionRepository subscriptions, DeliveryAttempt attempt, DeliveryTraces traces,
            NotifierProperties properties, Clock clock) {
        this.deliveries = deliveries;
        this.claims = claims;
        this.index = index;
        this.subscriptions = subscriptions;
        this.attempt = attempt;
        this.traces = traces;
        this.properties = properties;
        this.clock = clock;
        this.senders = Executors.newFixedThreadPool(properties.webhooks().concurrency(), r -> {
            var thread = new Thread(r, "webhook-sender");
            thread.setDaemon(true);
            return thread;
        });
    }

    /**
     * Sends the claimed endpoints' deliveries that {@code due} hands to its sender, records the attempts,
     * then releases the claims.
     */
    List<AttemptResult> run(List<UUID> claimed, Instant until, Consumer<BiConsumer<UUID, List<Due>>> due) {
        var results = new ArrayList<AttemptResult>();
        boolean unrecorded = false;
        boolean interrupted = false;
        try {
            var work = new ArrayList<Future<List<AttemptResult>>>();
            RuntimeException failure = null;
            try {
                due.accept((subscription, queue) -> work.add(senders.submit(() -> sendInOrder(subscription, queue, until))));
            }
            catch (RuntimeException ex) {
                // what is already under way is still awaited and recorded before the claims go
                failure = ex;
            }
            // requests under way finish (each within its timeouts) and are recorded, even when this thread is
            // interrupted (a shutdown): one a receiver got is never left for another instance to send again
            for (var future : work) {
                while (true) {
                    try {
                        results.addAll(future.get());
                        break;
                    }
                    catch (InterruptedException ex) {
                        interrupted = true;
                    }
                    catch (ExecutionException ex) {
                        log.error("A webhook sender failed unexpectedly", ex.getCause());
                        break;
                    }
                }
            }
            unrecorded = !results.isEmpty();
            deliveries.record(results);
            unrecorded = false;
            if (failure != null) {
                throw failure;
            }
        }
        finally {
            if (!unrecorded) {
                claims.release(Notices.WEBHOOK, claimed);
            }
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
        return results;
    }

    boolean stopping() {
        return stopping;
    }

    /** No new request starts; the ones under way finish. */
    void stopSending() {
        stopping = true;
    }

    void shutdown() {
        stopping = true;
        senders.shutdownNow();
    }

    /**
     * Sends one endpoint's queue in order and stops at the first failure, which keeps its place, and
     * before the claim on the endpoint could run out during a request.
     */
    private List<AttemptResult> sendInOrder(UUID subscriptionId, List<Due> queue, Instant claimedUntil) {
        var results = new ArrayList<AttemptResult>();
        var subscription = index.get(subscriptionId);
        if (subscription == null) {
            // made through another instance after this round's refresh
            subscription = subscriptions.byId(subscriptionId).orElse(null);
        }
        if (subscription == null || subscription.webhookUrl() == null) {
            return results;
        }
        var longestRequest = properties.webhooks().connectTimeout().plus(properties.webhooks().requestTimeout());
        var half = properties.claimLease().dividedBy(2);
        if (longestRequest.compareTo(half) > 0) {
            longestRequest = half;
        }
        var endpoint = subscription;
        for (var delivery : queue) {
            if (stopping || !clock.instant().plus(longestRequest).isBefore(claimedUntil)) {
                break;
            }
            var result = traces.within(delivery.traceparent(), () -> attempt.attempt(endpoint, delivery));
            results.add(result);
            if (result.status() != DeliveryStatus.DELIVERED) {
                break;
            }
        }
        // an endpoint whose last attempt succeeded is no longer failing: DeliveryRepository.record clears it
        return results;
    }
}
