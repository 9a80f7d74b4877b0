package dk.amu.catalogue.notifier.outbox;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import dk.amu.catalogue.notifier.outbox.DeliveryViews.DeliveryView;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * What happened each time a delivery was tried, for the school to see why a webhook was late or never
 * came: the API and the school's portal show it. {@link DeliveryRepository} writes the history with
 * each result; this class only reads it.
 */
@Repository
public class DeliveryAttempts {

    /** As many attempts as a detail shows: a delivery redriven again and again would otherwise list them all. */
    private static final int SHOWN = 100;

    /**
     * One attempt.
     *
     * @param attempt    counts every attempt of the delivery from 1, across redrives
     * @param statusCode the receiver's HTTP status; null when no answer came, and for e-mail
     */
    public record Attempt(int attempt, Instant attemptedAt, Integer statusCode, String error, String responseExcerpt,
            int durationMs) {
    }

    /**
     * A delivery with its attempts, newest first.
     *
     * @param nextAttemptAt when it is tried next; null unless it is pending
     */
    public record DeliveryDetail(DeliveryView delivery, List<Attempt> attempts, Instant nextAttemptAt) {
    }

    private final DeliveryViews deliveries;

    private final JdbcTemplate jdbc;

    DeliveryAttempts(DeliveryViews deliveries, JdbcTemplate jdbc) {
        this.deliveries = deliveries;
        this.jdbc = jdbc;
    }

    /** The school's delivery and its last attempts; empty when the school has no delivery by that id. */
    public Optional<DeliveryDetail> detail(UUID school, long id) {
        return deliveries.find(school, id).map(delivery -> new DeliveryDetail(delivery, attempts(id),
                DeliveryStatus.PENDING.name().equals(delivery.status()) ? delivery.nextAttemptAt() : null));
    }

    private List<Attempt> attempts(long delivery) {
        return jdbc.query("select attempt, attempted_at, status_code, error, response_excerpt, duration_ms "
                + "from notifier.delivery_attempts where delivery = ? order by attempt desc limit ?",
                (row, n) -> new Attempt(row.getInt(1), row.getTimestamp(2).toInstant(), (Integer) row.getObject(3),
                        row.getString(4), row.getString(5), row.getInt(6)), delivery, SHOWN);
    }
}
