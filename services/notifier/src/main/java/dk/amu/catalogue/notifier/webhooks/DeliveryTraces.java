package dk.amu.catalogue.notifier.webhooks;

import java.util.function.Supplier;

import dk.amu.catalogue.eventconsumer.RecordTraces;
import org.springframework.stereotype.Component;

/**
 * A webhook is sent long after its notice was recorded, on another thread: the notice keeps the
 * traceparent of the upload that caused it, and the send runs in a child of that trace, so the
 * sender's log lines carry the upload's trace id. The traceparent comes with the delivery (read
 * with its body, or handed over from the transaction that recorded it): looking it up per send was
 * one more query for each webhook.
 */
@Component
public class DeliveryTraces {

    private final RecordTraces traces;

    DeliveryTraces(RecordTraces traces) {
        this.traces = traces;
    }

    /** Runs the send of a delivery in its upload's trace (a W3C traceparent); as it is when the notice has none. */
    public <T> T within(String traceparent, Supplier<T> send) {
        return traces.within(traceparent, "catalogue.notifier.webhook", send);
    }
}
