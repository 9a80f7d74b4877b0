package dk.amu.catalogue.serde.registry;

import java.time.Duration;

/**
 * How hard the client tries. A failed attempt (connection error, timeout, HTTP 5xx, 408, 429) is
 * retried after {@code initialBackoff}, doubling up to {@code maxBackoff}; 4xx answers are final.
 *
 * @param maxAttempts    attempts per call, at least 1
 * @param initialBackoff wait before the second attempt
 * @param maxBackoff     the longest wait between two attempts
 * @param connectTimeout how long to wait for a TCP connection
 * @param requestTimeout how long to wait for an answer once a request is sent
 */
public record RegistryClientOptions(int maxAttempts, Duration initialBackoff, Duration maxBackoff,
        Duration connectTimeout, Duration requestTimeout) {

    public RegistryClientOptions {
        if (maxAttempts < 1) {
            throw new IllegalArgumentException("maxAttempts must be at least 1, got " + maxAttempts);
        }
        if (initialBackoff.isNegative() || maxBackoff.compareTo(initialBackoff) < 0) {
            throw new IllegalArgumentException("backoff must satisfy 0 <= initial <= max, got "
                    + initialBackoff + " and " + maxBackoff);
        }
    }

    /** Three attempts 100 ms and 200 ms apart: rides out a registry restart, fails fast when it is gone. */
    public static RegistryClientOptions defaults() {
        return new RegistryClientOptions(3, Duration.ofMillis(100), Duration.ofSeconds(2),
                Duration.ofSeconds(5), Duration.ofSeconds(10));
    }

    public RegistryClientOptions withRetry(int attempts, Duration initial, Duration max) {
        return new RegistryClientOptions(attempts, initial, max, connectTimeout, requestTimeout);
    }

    public RegistryClientOptions withRequestTimeout(Duration timeout) {
        return new RegistryClientOptions(maxAttempts, initialBackoff, maxBackoff, connectTimeout, timeout);
    }

    /** The wait after the given failed attempt (1-based): initial * 2^(attempt-1), capped. */
    Duration backoffAfter(int attempt) {
        var shift = Math.min(attempt - 1, 30);
        var millis = initialBackoff.toMillis() << shift;
        return millis < 0 || millis > maxBackoff.toMillis() ? maxBackoff : Duration.ofMillis(millis);
    }
}
