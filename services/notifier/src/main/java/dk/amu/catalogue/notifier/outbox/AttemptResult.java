package dk.amu.catalogue.notifier.outbox;

import java.time.Instant;

/**
 * What one attempt at a delivery came to, to write back.
 *
 * @param attempts      attempts made so far, this one included
 * @param nextAttemptAt when a pending delivery is tried again; null when it is not
 * @param lastStatus    the receiver's HTTP status, or null when there was no answer
 */
public record AttemptResult(long id, DeliveryStatus status, int attempts, Instant lastAttemptAt, Instant nextAttemptAt,
        Integer lastStatus, String lastError) {
}
