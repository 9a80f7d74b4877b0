package dk.amu.catalogue.notifier.outbox;

import java.time.Instant;
import java.util.UUID;

/**
 * A delivery due for sending, with what it carries.
 *
 * @param body        the CloudEvent as JSON, exactly as it is sent
 * @param createdAt   when its notice was recorded
 * @param traceparent the trace of the upload that caused it, or null
 */
public record Due(long id, UUID subscriptionId, String noticeId, int attempts, String body, Instant createdAt,
        String traceparent) {
}
