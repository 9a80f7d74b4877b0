package dk.amu.catalogue.notifier.outbox;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;

import dk.amu.catalogue.notifier.system.NotifierProperties;
import org.springframework.stereotype.Component;

/**
 * The one retry schedule of every channel: after the n-th failed attempt, the n-th configured wait;
 * after the last wait the delivery is dead. Webhooks spread their waits by the configured jitter, so a
 * receiver that was down is not hit by every retry at once when it returns.
 */
@Component
public class RetrySchedule {

    private final List<Duration> waits;

    private final double jitter;

    RetrySchedule(NotifierProperties properties) {
        this.waits = List.copyOf(properties.webhooks().retryDelays());
        this.jitter = properties.webhooks().jitter();
    }

    /** The wait after this many failed attempts, or empty when the delivery is dead. */
    public Optional<Duration> waitAfter(int attempts) {
        return attempts > waits.size() ? Optional.empty() : Optional.of(waits.get(attempts - 1));
    }

    /** {@link #waitAfter} spread by up to the configured jitter either way. */
    public Optional<Duration> jitteredWaitAfter(int attempts) {
        return waitAfter(attempts).map(wait -> {
            double factor = 1 + (jitter == 0 ? 0 : ThreadLocalRandom.current().nextDouble(-jitter, jitter));
            return Duration.ofMillis(Math.round(wait.toMillis() * factor));
        });
    }
}
