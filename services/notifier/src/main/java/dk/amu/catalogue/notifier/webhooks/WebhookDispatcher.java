package dk.amu.catalogue.notifier.webhooks;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicBoolean;

import dk.amu.catalogue.notifier.matching.Notices;
import dk.amu.catalogue.notifier.matching.SubscriptionIndex;
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

/**
 * Sends due webhook deliveries. Endpoints are served in parallel, each one's deliveries in order:
 * a delivery waits until the one before it to the same endpoint has succeeded or died. Time comes
 * from the injected clock only, so tests move it and call {@link #deliverDueNow()}.
 *
 * <p>Only 2xx is success. A failure is retried after the next of the configured waits (with
 * jitter), or after the receiver's {@code Retry-After} if that is longer; after the last wait the
 * delivery is dead. 410 switches the endpoint off, and so do failures without a success for
 * {@code disableAfter}; its school is told.
 */
@Component
public class WebhookDispatcher {

    private static final Logger log = LoggerFactory.getLogger(WebhookDispatcher.class);

    private static final int PER_ENDPOINT = 100;

    private final DeliveryRepository deliveries;

    private final SubscriptionIndex index;

    private final SubscriptionRepository subscriptions;

    private final WebhookSender sender;

    private final ApplicationEventPublisher events;

    private final NotifierProperties properties;

    private final Clock clock;

    private final ExecutorService senders;

    private final ExecutorService nudges = Executors.newSingleThreadExecutor(r -> new Thread(r, "webhook-nudge"));

    private final AtomicBoolean nudged = new AtomicBoolean();

    private final Counter delivered;

    private final Counter failed;

    private final Counter dead;

    private final Timer latency;

    private final DeliveryTraces traces;

    WebhookDispatcher(DeliveryRepository deliveries, SubscriptionIndex index, SubscriptionRepository subscriptions,
            WebhookSender sender, ApplicationEventPublisher events, NotifierProperties properties, Clock clock,
            MeterRegistry meters, DeliveryTraces traces) {
        this.traces = traces;
        this.deliveries = deliveries;
        this.index = index;
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
        int attempts = 0;
        while (true) {
            var due = deliveries.due(Notices.WEBHOOK, clock.instant(), PER_ENDPOINT);
            if (due.isEmpty()) {
                return attempts;
            }
            var byEndpoint = new LinkedHashMap<UUID, List<DeliveryRepository.Due>>();
            due.forEach(d -> byEndpoint.computeIfAbsent(d.subscriptionId(), k -> new ArrayList<>()).add(d));
            var work = new ArrayList<Future<List<DeliveryRepository.Result>>>();
            byEndpoint.forEach((subscription, queue) -> work.add(senders.submit(() -> sendInOrder(subscription, queue))));
            var results = new ArrayList<DeliveryRepository.Result>();
            for (var future : work) {
                try {
                    results.addAll(future.get());
                }
                catch (InterruptedException ex) {
                    Thread.currentThread().interrupt();
                    return attempts;
                }
                catch (java.util.concurrent.ExecutionException ex) {
                    log.error("A webhook sender failed unexpectedly", ex.getCause());
                }
            }
            deliveries.record(results);
            attempts += results.size();
            if (results.isEmpty()) {
                return attempts;
            }
        }
    }

    /** Asks for a send soon, off the caller's thread; many nudges while one runs make one more run. */
    public void nudge() {
        if (!properties.scheduling() || !nudged.compareAndSet(false, true)) {
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

    @PreDestroy
    void stop() {
        nudges.shutdownNow();
        senders.shutdownNow();
    }

    /** Sends one endpoint's queue in order and stops at the first failure, which keeps its place. */
    private List<DeliveryRepository.Result> sendInOrder(UUID subscriptionId, List<DeliveryRepository.Due> queue) {
        var results = new ArrayList<DeliveryRepository.Result>();
        var subscription = index.get(subscriptionId);
        if (subscription == null || subscription.webhookUrl() == null) {
            return results;
        }
        for (var delivery : queue) {
            var result = traces.within(delivery.id(), () -> attempt(subscription, delivery));
            results.add(result);
            if (!result.status().equals("DELIVERED")) {
                break;
            }
        }
        if (!results.isEmpty() && results.get(results.size() - 1).status().equals("DELIVERED")) {
            subscriptions.succeeded(subscriptionId);
        }
        return results;
    }

    private DeliveryRepository.Result attempt(Subscription subscription, DeliveryRepository.Due delivery) {
        var now = clock.instant();
        long timestamp = now.getEpochSecond();
        var body = delivery.body().getBytes(StandardCharsets.UTF_8);
        var messageId = Signatures.messageId(subscription.id(), delivery.noticeId());
        var signature = Signatures.header(subscription.signingSecrets(now), messageId, timestamp, body);
        var outcome = sender.send(URI.create(subscription.webhookUrl()), messageId, timestamp, signature, body);
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
            subscriptions.byId(subscription.id()).ifPresent(index::put);
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
