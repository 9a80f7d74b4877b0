package dk.amu.catalogue.notifier.outbox;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * The outbox rows, and the only class that writes them: what is due on each channel, what happened to
 * each attempt, and a school's redrive of its dead ones ({@link DeliveryViews} reads what a school may
 * see of them). Each attempt's row in the history
 * ({@code notifier.delivery_attempts}, read by {@link DeliveryAttempts}) is written in the statement
 * that records the delivery's result.
 */
@Repository
public class DeliveryRepository {

    /** The next number in a delivery's history: attempts are counted across redrives, which restart {@code attempts}. */
    private static final String NEXT_ATTEMPT = "coalesce((select max(a.attempt) from notifier.delivery_attempts a "
            + "where a.delivery = u.id), 0) + 1";

    private static final String MAIL_HISTORY = "insert into notifier.delivery_attempts (delivery, attempt, attempted_at, error, "
            + "duration_ms) select u.id, " + NEXT_ATTEMPT + ", ?, ?, ? from u";

    private final JdbcTemplate jdbc;

    DeliveryRepository(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Of the given endpoints, each one's first {@code perEndpoint} pending deliveries in order, if the
     * first is due: a later one never overtakes an earlier one that is waiting for its retry.
     */
    public List<Due> due(String channel, java.util.Collection<UUID> subscriptions, Instant now, int perEndpoint) {
        var ids = jdbc.execute((org.springframework.jdbc.core.ConnectionCallback<java.sql.Array>) c -> c.createArrayOf("uuid",
                subscriptions.toArray()));
        return jdbc.query("select x.id, x.subscription_id, n.notice_id, x.attempts, n.event, n.created_at, n.traceparent from ("
                + "select d.id, d.subscription_id, d.notice, d.attempts, d.next_attempt_at, "
                + "row_number() over (partition by d.subscription_id order by d.id) as place, "
                + "first_value(d.next_attempt_at) over (partition by d.subscription_id order by d.id) as head_due "
                + "from notifier.deliveries d "
                + "where d.status = 'PENDING' and d.channel = ? and d.subscription_id = any(?)) x "
                + "join notifier.notices n on n.id = x.notice "
                + "where x.place <= ? and x.head_due <= ? and x.next_attempt_at <= ? order by x.subscription_id, x.id",
                (row, n) -> new Due(row.getLong(1), row.getObject(2, UUID.class), row.getString(3), row.getInt(4),
                        row.getString(5), row.getTimestamp(6).toInstant(), row.getString(7)),
                channel, ids, perEndpoint, Timestamp.from(now), Timestamp.from(now));
    }

    /** Each endpoint's first {@code perEndpoint} pending deliveries on the channel, by id, in order. */
    public java.util.Map<UUID, List<Long>> pendingIds(String channel, java.util.Collection<UUID> subscriptions, int perEndpoint) {
        var ids = jdbc.execute((org.springframework.jdbc.core.ConnectionCallback<java.sql.Array>) c -> c.createArrayOf("uuid",
                subscriptions.toArray()));
        var pending = new java.util.HashMap<UUID, List<Long>>();
        jdbc.query("select s.id, p.id from unnest(?::uuid[]) as s(id) cross join lateral (select d.id "
                + "from notifier.deliveries d where d.subscription_id = s.id and d.status = 'PENDING' and d.channel = ? "
                + "order by d.id limit ?) p order by s.id, p.id",
                row -> {
                    pending.computeIfAbsent(row.getObject(1, UUID.class), k -> new ArrayList<>()).add(row.getLong(2));
                }, ids, channel, perEndpoint);
        return pending;
    }

    /**
     * Writes the attempts' results and their history in one statement, and clears {@code failing_since}
     * of each endpoint whose last attempt here succeeded (its highest delivery id: an endpoint's queue is
     * sent in id order and stops at the first failure). One round trip for a round of thousands of deliveries.
     */
    public void record(List<AttemptResult> results) {
        if (results.isEmpty()) {
            return;
        }
        int n = results.size();
        var ids = new Long[n];
        var statuses = new String[n];
        var attempts = new Integer[n];
        var lastAttempts = new String[n];
        var nextAttempts = new String[n];
        var lastStatuses = new Integer[n];
        var errors = new String[n];
        var excerpts = new String[n];
        var durations = new Integer[n];
        for (int i = 0; i < n; i++) {
            var r = results.get(i);
            ids[i] = r.id();
            statuses[i] = r.status().name();
            attempts[i] = r.attempts();
            lastAttempts[i] = r.lastAttemptAt().toString();
            nextAttempts[i] = (r.nextAttemptAt() == null ? r.lastAttemptAt() : r.nextAttemptAt()).toString();
            lastStatuses[i] = r.lastStatus();
            errors[i] = r.lastError();
            excerpts[i] = r.responseExcerpt();
            durations[i] = r.durationMs();
        }
        jdbc.queryForObject("with r as (select * from unnest(?::bigint[], ?::text[], ?::int[], ?::text[], ?::text[], ?::int[], ?::text[], "
                + "?::text[], ?::int[]) as r(id, status, attempts, last_attempt_at, next_attempt_at, last_status, last_error, "
                + "excerpt, duration_ms)), "
                + "u as (update notifier.deliveries d set status = r.status, attempts = r.attempts, "
                + "last_attempt_at = r.last_attempt_at::timestamptz, next_attempt_at = r.next_attempt_at::timestamptz, "
                + "delivered_at = case when r.status = 'DELIVERED' then r.last_attempt_at::timestamptz end, "
                + "last_status = r.last_status, last_error = r.last_error from r where d.id = r.id "
                + "returning d.id, d.subscription_id, d.status), "
                + "last as (select distinct on (subscription_id) subscription_id, status from u order by subscription_id, id desc), "
                + "cleared as (update notifier.subscriptions s set failing_since = null from last "
                + "where s.id = last.subscription_id and last.status = 'DELIVERED' and s.failing_since is not null returning 1), "
                + "history as (insert into notifier.delivery_attempts (delivery, attempt, attempted_at, status_code, error, "
                + "response_excerpt, duration_ms) select u.id, " + NEXT_ATTEMPT + ", r.last_attempt_at::timestamptz, "
                + "nullif(r.last_status, 0), r.last_error, r.excerpt, r.duration_ms from u join r on r.id = u.id returning 1) "
                + "select count(*) from u", Long.class, array("int8", ids), array("text", statuses), array("int4", attempts), array("text", lastAttempts),
                array("text", nextAttempts), array("int4", lastStatuses), array("text", errors), array("text", excerpts),
                array("int4", durations));
    }

    private java.sql.Array array(String type, Object[] values) {
        return jdbc.execute((org.springframework.jdbc.core.ConnectionCallback<java.sql.Array>) c -> c.createArrayOf(type, values));
    }

    /**
     * The claimed subscriptions' e-mail deliveries that are due, each subscription's in order. A held
     * delivery of an ingestion (never attempted, not due yet) comes along when another of the same
     * subscription, FKB and ingestion is due, so an ingestion that came over several batches is one mail,
     * and a group whose send failed is retried together with what joined it meanwhile.
     */
    public List<DueMail> dueMail(java.util.Collection<UUID> subscriptions, Instant now) {
        var ids = jdbc.execute((org.springframework.jdbc.core.ConnectionCallback<java.sql.Array>) c -> c.createArrayOf("uuid",
                subscriptions.toArray()));
        var at = Timestamp.from(now);
        return jdbc.query("select x.id, x.subscription_id, x.notice_id, x.attempts, x.event, x.created_at, x.traceparent, "
                + "x.fkb_code, x.ingestion_id from (select d.id, d.subscription_id, n.notice_id, d.attempts, n.event, "
                + "n.created_at, n.traceparent, n.fkb_code, n.ingestion_id, d.next_attempt_at, "
                + "bool_or(d.next_attempt_at <= ?) over (partition by d.subscription_id, n.fkb_code, n.ingestion_id) as group_due "
                + "from notifier.deliveries d join notifier.notices n on n.id = d.notice where d.status = ? "
                + "and d.channel = ? and d.subscription_id = any(?)) x where x.next_attempt_at <= ? "
                + "or x.ingestion_id is not null and x.attempts = 0 and x.group_due order by x.subscription_id, x.id",
                (row, n) -> new DueMail(new Due(row.getLong(1), row.getObject(2, UUID.class), row.getString(3), row.getInt(4),
                        row.getString(5), row.getTimestamp(6).toInstant(), row.getString(7)), row.getString(8), row.getString(9)),
                at, DeliveryStatus.PENDING.name(), Notices.EMAIL, ids, at);
    }

    /**
     * Writes e-mail results as they happen, each with its history in its own statement: a mail that went
     * out is recorded before the next is sent. A delivered one keeps its last error; a failed one keeps no
     * delivery time.
     */
    public void recordMail(List<AttemptResult> results) {
        for (var r : results) {
            var at = Timestamp.from(r.lastAttemptAt());
            if (r.status() == DeliveryStatus.DELIVERED) {
                jdbc.update("with u as (update notifier.deliveries set status = ?, attempts = ?, last_attempt_at = ?, delivered_at = ? "
                        + "where id = ? returning id) " + MAIL_HISTORY, r.status().name(), r.attempts(), at, at, r.id(),
                        at, r.lastError(), r.durationMs());
            }
            else {
                jdbc.update("with u as (update notifier.deliveries set status = ?, attempts = ?, last_attempt_at = ?, "
                        + "next_attempt_at = ?, last_error = ? where id = ? returning id) " + MAIL_HISTORY, r.status().name(),
                        r.attempts(), at, Timestamp.from(r.nextAttemptAt() == null ? r.lastAttemptAt() : r.nextAttemptAt()),
                        r.lastError(), r.id(), at, r.lastError(), r.durationMs());
            }
        }
    }

    /** @return false when the school has no such dead delivery */
    public boolean redrive(UUID school, long id, Instant now) {
        return jdbc.update("update notifier.deliveries d set status = 'PENDING', attempts = 0, next_attempt_at = ?, "
                + "last_error = null from notifier.subscriptions s where d.id = ? and s.id = d.subscription_id "
                + "and s.school_id = ? and d.status = 'DEAD'", Timestamp.from(now), id, school) == 1;
    }

    public int redriveSince(UUID school, Instant since, Instant now) {
        return jdbc.update("update notifier.deliveries d set status = 'PENDING', attempts = 0, next_attempt_at = ?, "
                + "last_error = null from notifier.subscriptions s where s.id = d.subscription_id and s.school_id = ? "
                + "and d.status = 'DEAD' and d.last_attempt_at >= ?", Timestamp.from(now), school, Timestamp.from(since));
    }
}
