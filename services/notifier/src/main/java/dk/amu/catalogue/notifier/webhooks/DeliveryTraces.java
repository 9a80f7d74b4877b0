package dk.amu.catalogue.notifier.webhooks;

import java.util.function.Supplier;

import dk.amu.catalogue.eventconsumer.RecordTraces;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * A webhook is sent long after its notice was recorded, on another thread: the notice keeps the
 * traceparent of the upload that caused it, and the send runs in a child of that trace, so the
 * sender's log lines carry the upload's trace id.
 */
@Component
public class DeliveryTraces {

    private final JdbcTemplate jdbc;

    private final RecordTraces traces;

    DeliveryTraces(JdbcTemplate jdbc, RecordTraces traces) {
        this.jdbc = jdbc;
        this.traces = traces;
    }

    /** Runs the send of a delivery in its upload's trace; as it is when the notice has none. */
    public <T> T within(long deliveryId, Supplier<T> send) {
        var traceparent = jdbc.query("select n.traceparent from notifier.deliveries d join notifier.notices n "
                + "on n.id = d.notice where d.id = ?", rs -> rs.next() ? rs.getString(1) : null, deliveryId);
        return traces.within(traceparent, "catalogue.notifier.webhook", send);
    }
}
