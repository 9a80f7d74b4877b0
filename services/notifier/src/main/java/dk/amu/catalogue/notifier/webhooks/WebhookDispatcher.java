package dk.amu.catalogue.notifier.webhooks;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Queue;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BiConsumer;
import java.util.function.Consumer;

import dk.amu.catalogue.notifier.matching.Notices;
import dk.amu.catalogue.notifier.matching.SubscriptionIndex;
import dk.amu.catalogue.notifier.matching.SubscriptionIndexSync;
import dk.amu.catalogue.notifier.matching.WebhooksRecorded;
import dk.amu.catalogue.notifier.subscriptions.Subscription;
import dk.amu.catalogue.notifier.subscriptions.SubscriptionRepository;
import dk.amu.catalogue.notifier.system.NotifierProperties;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import jakarta.annotation.PreDestroy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * Sends due webhook deliveries. Endpoints are served in parallel, each one's deliveries in order:
 * a delivery waits until the one before it to the same endpoint has succeeded or died. Time comes
 * from the injected clock only, so tests move it and call {@link #deliverDueNow()}.
 *
 * <p>Only 2xx is success. A failure is retried after the next of the configured waits (with
 * jitter), or after the receiver's {@code Retry-After} if that is longer; after the last wait the
 * delivery is dead. 410 switches the endpoint off, and so do failures without a success for
 * {@code disableAfter}; its school is told.
 *
 * <p>Several instances share the work: a round claims the endpoints it sends to ({@link DeliveryClaims})
 * and releases them once the attempts are recorded, so no two instances send to one endpoint at a
 * time, and a delivery that succeeded is not sent again. A round stops sending to an endpoint before
 * its claim could run out. On shutdown the round in progress finishes and records what it sent.
 *
 * <p>Deliveries this instance has just recorded are handed over in memory once their transaction
 * commits ({@link WebhooksRecorded}), and the next run sends them first, in one round: it claims
 * just their endpoints, a part at a time, checks that they are still the first pending deliveries
 * there, and sends them without reading them back, each part while the next is claimed. That
 * saves the search over every pending delivery and the read of a thousand bodies on the way from a
 * change to its webhooks. Whatever is not handed over, or not sent that way
 * (an endpoint another instance holds, or with older deliveries waiting), goes out in the rounds.
 */
@Component
public class WebhookDispatcher {

    private static final Logger log = LoggerFactory.getLogger(WebhookDispatcher.class);

    private static final int PER_ENDPOINT = 100;

    /** Endpoints of handed-over deliveries claimed in one statement. */
    private static final int HAND_OVER_PART = 128;

    /** Deliveries held in memory for sending at most; beyond it they wait in the outbox for a round. */
    private static final int HANDED_OVER_MAX = 20_000;

    private final DeliveryRepository deliveries;

    private final DeliveryClaims claims;

    private final SubscriptionIndexSync sync;

    private final SubscriptionIndex index;

    private final SubscriptionRepository subscriptions;

    private final WebhookSender sender;

    private final ApplicationEventPublisher events;

    private final NotifierProperties properties;

    private final Clock clock;

    private final ExecutorService senders;

    private final ExecutorService nudges = Executors.newSingleThreadExecutor(r -> new Thread(r, "webhook-nudge"));

    private final AtomicBoolean nudged = new AtomicBoolean();

    private final Queue<WebhooksRecorded> handedOver = new ConcurrentLinkedQueue<>();

    private final AtomicInteger handedOverDeliveries = new AtomicInteger();

    private volatile boolean stopping;

    private final Counter delivered;

    private final Counter failed;

    private final Counter dead;

    private final Timer latency;

    private final DeliveryTraces traces;

    WebhookDispatcher(DeliveryRepository deliveries, DeliveryClaims claims, SubscriptionIndexSync sync,
            SubscriptionRepository subscriptions, WebhookSender sender, ApplicationEventPublisher events,
            NotifierProperties properties, Clock clock, MeterRegistry meters, DeliveryTraces traces) {
        this.traces = traces;
        this.deliveries = deliveries;
        this.claims = claims;
        this.sync = sync;
        this.index = sync.index();
        this.subscriptions = subscriptions;
        this.sender = sender;
        this.events = events;
        this.properties = properties;
        this.clock = clock;
        this.senders = Executors.newFixedThreadPool(properties.webhooks().concurrency(), r -> {
            var thread = new Thread(r, "webhook-sender");
            thread.setDaemon(true);
            return thread;
        });
        this.delivered = Counter.builder("catalogue.notifier.delivered").tag("channel", "webhook")
                .description("webhook deliveries answered with 2xx").register(meters);
        this.failed = Counter.builder("catalogue.notifier.failed").tag("channel", "webhook")
                .description("webhook attempts that failed (to be retried, or dead)").register(meters);
        this.dead = Counter.builder("catalogue.notifier.dead").tag("channel", "webhook")
                .description("webhook deliveries given up after the last retry").register(meters);
        this.latency = Timer.builder("catalogue.notifier.delivery.latency").tag("channel", "webhook")
                .description("from the notice being recorded to its successful delivery").publishPercentiles(0.5, 0.99)
                .register(meters);
    }

    /** Sends everything due now, endpoint by endpoint in order, until nothing more is due; returns the attempts made. */
    public synchronized int deliverDueNow() {
        int attempts = sendHandedOver();
        while (!stopping && !Thread.currentThread().isInterrupted()) {
            sync.refresh();
            var now = clock.instant();
            var until = now.plus(properties.claimLease());
            var claimed = claims.claimEndpoints(now, until, properties.webhooks().concurrency() * 4);
            if (claimed.isEmpty()) {
                return attempts;
            }
            var results = round(claimed, until, send -> {
                var due = deliveries.due(Notices.WEBHOOK, claimed, now, PER_ENDPOINT);
                var byEndpoint = new LinkedHashMap<UUID, List<DeliveryRepository.Due>>();
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
        int count = recorded.deliveryIds().size();
        if (handedOverDeliveries.addAndGet(count) > HANDED_OVER_MAX) {
            handedOverDeliveries.addAndGet(-count);
        }
        else {
            handedOver.add(recorded);
        }
        nudge();
    }

    /** Sends what was handed over, on the endpoints it can claim, as far as it is still first in line there. */
    private int sendHandedOver() {
        var queues = new LinkedHashMap<UUID, List<DeliveryRepository.Due>>();
        WebhooksRecorded recorded;
        while ((recorded = handedOver.poll()) != null) {
            handedOverDeliveries.addAndGet(-recorded.deliveryIds().size());
            for (int i = 0; i < recorded.deliveryIds().size(); i++) {
                var subscription = recorded.subscriptionIds().get(i);
                queues.computeIfAbsent(subscription, k -> new ArrayList<>()).add(new DeliveryRepository.Due(
                        recorded.deliveryIds().get(i), subscription, recorded.noticeId(), 0, recorded.body(),
                        recorded.createdAt(), recorded.traceparent()));
            }
        }
        if (queues.isEmpty() || stopping) {
            return 0;
        }
        queues.values().forEach(queue -> queue.sort(Comparator.comparingLong(DeliveryRepository.Due::id)));
        int longest = queues.values().stream().mapToInt(List::size).max().orElse(0);
        var endpoints = new ArrayList<>(queues.keySet());
        var until = clock.instant().plus(properties.claimLease());
        var claimed = new ArrayList<UUID>();
        // claimed a part at a time, each part sent while the next is claimed: the first webhooks need not
        // wait for a thousand endpoints to be claimed
        return round(claimed, until, send -> {
            for (int from = 0; from < endpoints.size() && !stopping; from += HAND_OVER_PART) {
                var part = claims.claimEndpoints(endpoints.subList(from, Math.min(endpoints.size(), from + HAND_OVER_PART)),
                        clock.instant(), until);
                claimed.addAll(part);
                if (part.isEmpty()) {
                    continue;
                }
                // only an endpoint's first pending deliveries may go: what went before them must go first
                var pending = deliveries.pendingIds(Notices.WEBHOOK, part, longest);
                for (var endpoint : part) {
                    var queue = queues.get(endpoint);
                    var first = pending.getOrDefault(endpoint, List.of());
                    int n = 0;
                    while (n < queue.size() && n < first.size() && queue.get(n).id() == first.get(n)) {
                        n++;
                    }
                    if (n > 0) {
                        send.accept(endpoint, queue.subList(0, n));
                    }
                }
            }
        }).size();
    }

    /**
     * Sends the claimed endpoints' due deliveries and records the attempts, then releases the claims.
     * What was sent but could not be recorded stays claimed until the claim runs out: no other
     * instance sends it again meanwhile.
     */
    private List<DeliveryRepository.Result> round(List<UUID> claimed, Instant until,
            Consumer<BiConsumer<UUID, List<DeliveryRepository.Due>>> due) {
        var results = new ArrayList<DeliveryRepository.Result>();
        boolean unrecorded = false;
        boolean interrupted = false;
        try {
            var work = new ArrayList<Future<List<DeliveryRepository.Result>>>();
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
                    catch (java.util.concurrent.ExecutionException ex) {
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
        nudges.shutdown();
        synchronized (this) {
            senders.shutdownNow();
        }
    }

    /**
     * Sends one endpoint's queue in order and stops at the first failure, which keeps its place, and
     * before the claim on the endpoint could run out during a request.
     */
    private List<DeliveryRepository.Result> sendInOrder(UUID subscriptionId, List<DeliveryRepository.Due> queue,
            Instant claimedUntil) {
        var results = new ArrayList<DeliveryRepository.Result>();
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
            var result = traces.within(delivery.traceparent(), () -> attempt(endpoint, delivery));
            results.add(result);
            if (!result.status().equals("DELIVERED")) {
                break;
            }
        }
        // an endpoint whose last attempt succeeded is no longer failing: DeliveryRepository.record clears it
        return results;
    }

    private DeliveryRepository.Result attempt(Subscription subscription, DeliveryRepository.Due delivery) {
        var now = clock.instant();
        var body = delivery.body().getBytes(StandardCharsets.UTF_8);
        var messageId = Signatures.messageId(subscription.id(), delivery.noticeId());
        var outcome = sender.send(URI.create(subscription.webhookUrl()), messageId, subscription.signingSecrets(now), body);
        int attempts = delivery.attempts() + 1;
        if (outcome.succeeded()) {
            delivered.increment();
            latency.record(Duration.between(delivery.createdAt(), clock.instant()));
            log.info("Webhook {} delivered to subscription {}: {}", messageId, subscription.id(), outcome.status());
            return new DeliveryRepository.Result(delivery.id(), "DELIVERED", attempts, now, null, outcome.status(), null);
        }
        failed.increment();
        if (outcome.status() == 410) {
            disable(subscription, now, "the endpoint answered 410 Gone");
            return new DeliveryRepository.Result(delivery.id(), "PENDING", attempts, now, now, outcome.status(), outcome.error());
        }
        subscriptions.failing(subscription.id(), now);
        var failingSince = subscriptions.byId(subscription.id()).map(Subscription::failingSince).orElse(now);
        if (!failingSince.plus(properties.webhooks().disableAfter()).isAfter(now)) {
            disable(subscription, now, "the endpoint has failed since " + failingSince + " without a success");
        }
        var waits = properties.webhooks().retryDelays();
        if (attempts > waits.size()) {
            dead.increment();
            log.warn("Webhook delivery {} to subscription {} is dead after {} attempts: {}", delivery.id(),
                    subscription.id(), attempts, outcome.error());
            return new DeliveryRepository.Result(delivery.id(), "DEAD", attempts, now, now, outcome.status(), outcome.error());
        }
        var wait = jittered(waits.get(attempts - 1));
        if (outcome.retryAfter() != null && outcome.retryAfter().compareTo(wait) > 0) {
            wait = outcome.retryAfter();
        }
        return new DeliveryRepository.Result(delivery.id(), "PENDING", attempts, now, now.plus(wait), outcome.status(),
                outcome.error());
    }

    private void disable(Subscription subscription, Instant now, String reason) {
        if (subscriptions.disable(subscription.id(), now, reason)) {
            log.warn("Webhook endpoint of subscription {} disabled: {}", subscription.id(), reason);
            events.publishEvent(new EndpointDisabled(subscription.id(), subscription.schoolId(), subscription.webhookUrl(), reason));
        }
    }

    private Duration jittered(Duration wait) {
        double spread = properties.webhooks().jitter();
        double factor = 1 + (spread == 0 ? 0 : ThreadLocalRandom.current().nextDouble(-spread, spread));
        return Duration.ofMillis(Math.round(wait.toMillis() * factor));
    }
}
