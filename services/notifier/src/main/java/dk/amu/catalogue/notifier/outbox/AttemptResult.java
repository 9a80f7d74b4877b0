package dk.amu.catalogue.notifier.outbox;

import java.time.Instant;

/**
 * What one attempt at a delivery came to, to write back: the delivery's new state, and the attempt
 * for its history.
 *
 * @param attempts        attempts made so far, this one included
 * @param nextAttemptAt   when a pending delivery is tried again; null when it is not
 * @param lastStatus      the receiver's HTTP status, or null when there was no answer
 * @param responseExcerpt the start of the receiver's answer, or null
 * @param durationMs      how long the attempt took, by the wall clock
 */
public record AttemptResult(long id, DeliveryStatus status, int attempts, Instant lastAttemptAt, Instant nextAttemptAt,
        Integer lastStatus, String lastError, String responseExcerpt, int durationMs) {
}
