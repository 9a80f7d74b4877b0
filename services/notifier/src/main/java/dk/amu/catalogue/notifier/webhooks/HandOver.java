package dk.amu.catalogue.notifier.webhooks;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Queue;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;

import dk.amu.catalogue.notifier.outbox.DeliveryClaims;
import dk.amu.catalogue.notifier.outbox.DeliveryRepository;
import dk.amu.catalogue.notifier.outbox.Due;
import dk.amu.catalogue.notifier.outbox.Notices;
import dk.amu.catalogue.notifier.outbox.WebhooksRecorded;
import dk.amu.catalogue.notifier.system.NotifierProperties;
import org.springframework.stereotype.Component;

/**
 * Webhook deliveries this instance has just recorded, handed over in memory once their transaction
 * commits ({@link WebhooksRecorded}), and sent first, in one round: it claims just their endpoints, a
 * part at a time, checks that they are still the first pending deliveries there, and sends them
 * without reading them back, each part while the next is claimed. That saves the search over every
 * pending delivery and the read of a thousand bodies on the way from a change to its webhooks.
 * Whatever is not handed over, or not sent this way (an endpoint another instance holds, or with older
 * deliveries waiting), goes out in the dispatcher's rounds.
 */
@Component
class HandOver {

    /** Endpoints of handed-over deliveries claimed in one statement. */
    private static final int PART = 128;

    /** Deliveries held in memory for sending at most; beyond it they wait in the outbox for a round. */
    private static final int HELD_MAX = 20_000;

    private final Queue<WebhooksRecorded> handedOver = new ConcurrentLinkedQueue<>();

    private final AtomicInteger held = new AtomicInteger();

    /** How long a claim of an endpoint lasts. */
    private final Duration lease;

    private final DeliveryClaims claims;

    private final DeliveryRepository deliveries;

    private final SendRounds rounds;

    private final Clock clock;

    HandOver(DeliveryClaims claims, DeliveryRepository deliveries, SendRounds rounds, NotifierProperties properties,
            Clock clock) {
        this.lease = properties.claimLease();
        this.claims = claims;
        this.deliveries = deliveries;
        this.rounds = rounds;
        this.clock = clock;
    }

    /** Holds the deliveries for the next send, unless too many are held already (they are in the outbox anyway). */
    void offer(WebhooksRecorded recorded) {
        int count = recorded.deliveryIds().size();
        if (held.addAndGet(count) > HELD_MAX) {
            held.addAndGet(-count);
        }
        else {
            handedOver.add(recorded);
        }
    }

    /** Sends what was handed over, on the endpoints it can claim, as far as it is still first in line there. */
    int send() {
        var queues = queuesByEndpoint();
        if (queues.isEmpty() || rounds.stopping()) {
            return 0;
        }
        int longest = queues.values().stream().mapToInt(List::size).max().orElse(0);
        var endpoints = new ArrayList<>(queues.keySet());
        var until = clock.instant().plus(lease);
        var claimed = new ArrayList<UUID>();
        // claimed a part at a time, each part sent while the next is claimed: the first webhooks need not
        // wait for a thousand endpoints to be claimed
        return rounds.run(claimed, until, send -> {
            for (int from = 0; from < endpoints.size() && !rounds.stopping(); from += PART) {
                var part = claims.claimEndpoints(endpoints.subList(from, Math.min(endpoints.size(), from + PART)),
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

    private LinkedHashMap<UUID, List<Due>> queuesByEndpoint() {
        var queues = new LinkedHashMap<UUID, List<Due>>();
        WebhooksRecorded recorded;
        while ((recorded = handedOver.poll()) != null) {
            held.addAndGet(-recorded.deliveryIds().size());
            for (int i = 0; i < recorded.deliveryIds().size(); i++) {
                var subscription = recorded.subscriptionIds().get(i);
                queues.computeIfAbsent(subscription, k -> new ArrayList<>()).add(new Due(recorded.deliveryIds().get(i),
                        subscription, recorded.noticeId(), 0, recorded.body(), recorded.createdAt(), recorded.traceparent()));
            }
        }
        queues.values().forEach(queue -> queue.sort(Comparator.comparingLong(Due::id)));
        return queues;
    }
}
