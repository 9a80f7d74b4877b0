package dk.amu.catalogue.notifier.webhooks;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import dk.amu.catalogue.notifier.outbox.AttemptResult;
import dk.amu.catalogue.notifier.outbox.DeliveryStatus;
import dk.amu.catalogue.notifier.outbox.Due;
import dk.amu.catalogue.notifier.outbox.RetrySchedule;
import dk.amu.catalogue.notifier.subscriptions.Subscription;
import dk.amu.catalogue.notifier.subscriptions.SubscriptionRepository;
import dk.amu.catalogue.notifier.system.NotifierProperties;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

/**
 * One attempt at one webhook delivery, and what it comes to. Only 2xx is success. A failure is retried
 * after the next wait of the {@link RetrySchedule} (with jitter), or after the receiver's
 * {@code Retry-After} if that is longer; after the last wait the delivery is dead. 410 switches the
 * endpoint off, and so do failures without a success for {@code disableAfter}; its school is told.
 */
@Component
class DeliveryAttempt {

    private static final Logger log = LoggerFactory.getLogger(DeliveryAttempt.class);

    private final SubscriptionRepository subscriptions;

    private final WebhookSender sender;

    private final ApplicationEventPublisher events;

    private final RetrySchedule retries;

    private final Duration disableAfter;

    private final Clock clock;

    private final Counter delivered;

    private final Counter failed;

    private final Counter dead;

    private final Timer latency;

    DeliveryAttempt(SubscriptionRepository subscriptions, WebhookSender sender, ApplicationEventPublisher events,
            RetrySchedule retries, NotifierProperties properties, Clock clock, MeterRegistry meters) {
        this.subscriptions = subscriptions;
        this.sender = sender;
        this.events = events;
        this.retries = retries;
        this.disableAfter = properties.webhooks().disableAfter();
        this.clock = clock;
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

    AttemptResult attempt(Subscription subscription, Due delivery) {
        var now = clock.instant();
        var body = delivery.body().getBytes(StandardCharsets.UTF_8);
        var messageId = Signatures.messageId(subscription.id(), delivery.noticeId());
        // the catalogue clock says which secrets are valid; the sender stamps and signs by the wall clock
        long started = System.nanoTime();
        var outcome = sender.send(URI.create(subscription.webhookUrl()), messageId, subscription.signingSecrets(now), body);
        int took = millisSince(started);
        int attempts = delivery.attempts() + 1;
        if (outcome.succeeded()) {
            delivered.increment();
            latency.record(Duration.between(delivery.createdAt(), clock.instant()));
            log.info("Webhook {} delivered to subscription {}: {}", messageId, subscription.id(), outcome.status());
            return new AttemptResult(delivery.id(), DeliveryStatus.DELIVERED, attempts, now, null, outcome.status(), null,
                    outcome.excerpt(), took);
        }
        failed.increment();
        if (outcome.status() == 410) {
            disable(subscription, now, "the endpoint answered 410 Gone");
            return new AttemptResult(delivery.id(), DeliveryStatus.PENDING, attempts, now, now, outcome.status(), outcome.error(),
                    outcome.excerpt(), took);
        }
        subscriptions.failing(subscription.id(), now);
        var failingSince = subscriptions.byId(subscription.id()).map(Subscription::failingSince).orElse(now);
        if (!failingSince.plus(disableAfter).isAfter(now)) {
            disable(subscription, now, "the endpoint has failed since " + failingSince + " without a success");
        }
        var wait = retries.jitteredWaitAfter(attempts).orElse(null);
        if (wait == null) {
            dead.increment();
            log.warn("Webhook delivery {} to subscription {} is dead after {} attempts: {}", delivery.id(),
                    subscription.id(), attempts, outcome.error());
            return new AttemptResult(delivery.id(), DeliveryStatus.DEAD, attempts, now, now, outcome.status(), outcome.error(),
                    outcome.excerpt(), took);
        }
        if (outcome.retryAfter() != null && outcome.retryAfter().compareTo(wait) > 0) {
            wait = outcome.retryAfter();
        }
        return new AttemptResult(delivery.id(), DeliveryStatus.PENDING, attempts, now, now.plus(wait), outcome.status(),
                outcome.error(), outcome.excerpt(), took);
    }

    /** Wall-clock milliseconds, for the attempt's history: how long the receiver kept us waiting. */
    static int millisSince(long nanoTime) {
        return (int) Math.min(Integer.MAX_VALUE, (System.nanoTime() - nanoTime) / 1_000_000);
    }

    private void disable(Subscription subscription, Instant now, String reason) {
        if (subscriptions.disable(subscription.id(), now, reason)) {
            log.warn("Webhook endpoint of subscription {} disabled: {}", subscription.id(), reason);
            events.publishEvent(new EndpointDisabled(subscription.id(), subscription.schoolId(), subscription.webhookUrl(), reason));
        }
    }
}
