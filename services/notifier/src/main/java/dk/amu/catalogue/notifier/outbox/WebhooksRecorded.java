package dk.amu.catalogue.notifier.outbox;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * Webhook deliveries of one notice, just written as pending in the caller's transaction, with what
 * their sending needs: published by {@link Notices} so that, once the transaction commits, the
 * dispatcher of this instance can send them without reading them back. Nothing depends on it: they
 * are in the outbox, and the dispatcher's rounds send whatever is not handed over.
 *
 * @param deliveryIds     the deliveries' ids, one per subscription, in the order of {@code subscriptionIds}
 * @param subscriptionIds the endpoints' subscriptions
 */
public record WebhooksRecorded(String noticeId, String body, Instant createdAt, String traceparent, List<Long> deliveryIds,
        List<UUID> subscriptionIds) {
}
