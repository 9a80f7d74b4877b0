package dk.amu.catalogue.notifier.outbox;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;
import tools.jackson.databind.json.JsonMapper;

/** What a school may see of its deliveries ({@link DeliveryRepository} writes them): pages of them, and one. */
@Repository
public class DeliveryViews {

    /** A delivery as the API shows it. */
    public record DeliveryView(long id, UUID subscriptionId, String noticeId, String type, String channel, String status,
            int attempts, Instant createdAt, Instant lastAttemptAt, Instant deliveredAt, Instant nextAttemptAt,
            Integer lastStatus, String lastError, String text) {
    }

    private static final String VIEW = "select d.id, d.subscription_id, n.notice_id, n.type, d.channel, d.status, d.attempts, "
            + "d.created_at, d.last_attempt_at, d.delivered_at, d.next_attempt_at, d.last_status, d.last_error, n.event "
            + "from notifier.deliveries d join notifier.notices n on n.id = d.notice ";

    private final JdbcTemplate jdbc;

    private final JsonMapper json;

    DeliveryViews(JdbcTemplate jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    /**
     * A page of the school's deliveries, newest first: those before the delivery {@code before}, when given
     * (the last id of the page before). Each shape of the question is read from an index, also for a school
     * with a thousand subscriptions and a hundred thousand deliveries (see V41).
     */
    public List<DeliveryView> ofSchool(UUID school, Optional<String> status, Optional<UUID> subscription,
            Optional<Long> before, int limit) {
        var sql = new StringBuilder(VIEW).append("where d.school_id = ?");
        var args = new ArrayList<Object>(List.of(school));
        status.ifPresent(value -> {
            sql.append(" and d.status = ?");
            args.add(value);
        });
        subscription.ifPresent(value -> {
            sql.append(" and d.subscription_id = ?");
            args.add(value);
        });
        before.ifPresent(value -> {
            // (school_id, id) < (school, before) is d.id < before here, but only deliveries_school answers it: given
            // d.id < before, the planner may walk the primary key down through other schools' deliveries (170 ms
            // against 0.2 ms). Pending ones, being few, and one subscription's have indexes of their own for d.id < before.
            boolean own = subscription.isPresent() || status.filter(DeliveryStatus.PENDING.name()::equals).isPresent();
            sql.append(own ? " and d.id < ?" : " and (d.school_id, d.id) < (?, ?)");
            if (!own) {
                args.add(school);
            }
            args.add(value);
        });
        sql.append(" order by d.id desc limit ?");
        args.add(limit);
        return jdbc.query(sql.toString(), this::view, args.toArray());
    }

    /** One of the school's deliveries; empty when it has none by that id (another school's included). */
    public Optional<DeliveryView> find(UUID school, long id) {
        return jdbc.query(VIEW + "where d.id = ? and d.school_id = ?", this::view, id, school).stream().findFirst();
    }

    private DeliveryView view(ResultSet row, int n) throws SQLException {
        return new DeliveryView(row.getLong(1), row.getObject(2, UUID.class), row.getString(3), row.getString(4),
                row.getString(5), row.getString(6), row.getInt(7), instant(row, 8), instant(row, 9), instant(row, 10),
                instant(row, 11), (Integer) row.getObject(12), row.getString(13), text(row.getString(14)));
    }

    private static Instant instant(ResultSet row, int column) throws SQLException {
        var t = row.getTimestamp(column);
        return t == null ? null : t.toInstant();
    }

    /** The notice's sentence, for people reading the list; the whole event is what was sent. */
    private String text(String event) {
        return json.readValue(event, CloudEvent.class).data().text();
    }
}
