package dk.amu.catalogue.notifier.webhooks;

import java.time.Clock;
import java.time.Instant;
import java.util.UUID;

import dk.amu.catalogue.notifier.outbox.DeliveryRepository;
import org.springframework.stereotype.Service;

/**
 * Sending dead deliveries again, from the API and the portal alike: each starts over from its first
 * attempt in its place in the subscription's order, and the dispatcher is nudged so that it goes now.
 */
@Service
public class Redrives {

    private final DeliveryRepository deliveries;

    private final WebhookDispatcher dispatcher;

    private final Clock clock;

    Redrives(DeliveryRepository deliveries, WebhookDispatcher dispatcher, Clock clock) {
        this.deliveries = deliveries;
        this.dispatcher = dispatcher;
        this.clock = clock;
    }

    /** @return false when the school has no dead delivery by that id */
    public boolean one(UUID school, long id) {
        boolean redriven = deliveries.redrive(school, id, clock.instant());
        if (redriven) {
            dispatcher.nudge();
        }
        return redriven;
    }

    /** Every dead delivery of the school whose last attempt was at or after {@code since}; how many. */
    public int since(UUID school, Instant since) {
        int count = deliveries.redriveSince(school, since, clock.instant());
        dispatcher.nudge();
        return count;
    }
}
