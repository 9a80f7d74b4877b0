package dk.amu.catalogue.notifier.subscriptions;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import dk.amu.catalogue.notifier.subscriptions.Subscription.Delivery;
import dk.amu.catalogue.notifier.subscriptions.Subscription.Filters;
import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Repository;

/** Subscriptions in {@code notifier.subscriptions}. */
@Repository
public class SubscriptionRepository {

    private static final String COLUMNS = "id, school_id, fkb_codes, course_numbers, euu_codes, event_types, webhook_url, "
            + "email, lead_days, delivery, digest_hour, webhook_secret, previous_secret, previous_secret_until, feed_token, "
            + "failing_since, disabled_at, disabled_reason";

    private static final RowMapper<Subscription> ROW = SubscriptionRepository::map;

    private final JdbcTemplate jdbc;

    SubscriptionRepository(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public List<Subscription> all() {
        return jdbc.query("select " + COLUMNS + " from notifier.subscriptions", ROW);
    }

    public List<Subscription> byIds(java.util.Collection<UUID> ids) {
        var array = jdbc.execute((ConnectionCallback<Array>) c -> c.createArrayOf("uuid", ids.toArray()));
        return jdbc.query("select " + COLUMNS + " from notifier.subscriptions where id = any(?)", ROW, array);
    }

    /** The version of the last committed change of what a subscription index holds; changes commit in version order. */
    public long version() {
        return jdbc.queryForObject("select version from notifier.subscription_version", Long.class);
    }

    /** The subscriptions changed (created, replaced, deleted) after a version, and the versions they span. */
    public Changes changesSince(long version) {
        var ids = new java.util.LinkedHashSet<UUID>();
        var span = new long[] { 0, version };
        jdbc.query("select version, subscription_id from notifier.subscription_changes where version > ? order by version",
                row -> {
                    if (span[0] == 0) {
                        span[0] = row.getLong(1);
                    }
                    span[1] = row.getLong(1);
                    ids.add(row.getObject(2, UUID.class));
                }, version);
        return new Changes(ids, span[0], span[1]);
    }

    /**
     * @param subscriptions the ones to read again: those no longer found were deleted
     * @param first         the first version read; 0 when none was
     * @param version       the last version read
     */
    public record Changes(java.util.Set<UUID> subscriptions, long first, long version) {
    }

    public Optional<Subscription> byId(UUID id) {
        return jdbc.query("select " + COLUMNS + " from notifier.subscriptions where id = ?", ROW, id).stream().findFirst();
    }

    public Optional<Subscription> byFeedToken(String token) {
        return jdbc.query("select " + COLUMNS + " from notifier.subscriptions where feed_token = ?", ROW, token)
                .stream().findFirst();
    }

    List<Subscription> ofSchool(UUID school) {
        return jdbc.query("select " + COLUMNS + " from notifier.subscriptions where school_id = ? order by created_at, id",
                ROW, school);
    }

    List<Subscription> ofSchool(UUID school, int offset, int limit) {
        return jdbc.query("select " + COLUMNS + " from notifier.subscriptions where school_id = ? "
                + "order by created_at desc, id limit ? offset ?", ROW, school, limit, offset);
    }

    int countOfSchool(UUID school) {
        return jdbc.queryForObject("select count(*) from notifier.subscriptions where school_id = ?", Integer.class, school);
    }

    void insert(Subscription s, Instant now) {
        jdbc.update("insert into notifier.subscriptions (" + COLUMNS + ", created_at) values "
                + "(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", s.id(), s.schoolId(),
                array(s.filters().fkbCodes()), array(s.filters().courseNumbers()), array(s.filters().euuCodes()),
                array(s.filters().eventTypes()), s.webhookUrl(), s.email(), ints(s.leadDays()), s.delivery().name(),
                s.digestHour(), s.webhookSecret(), s.previousSecret(), timestamp(s.previousSecretUntil()), s.feedToken(),
                timestamp(s.failingSince()), timestamp(s.disabledAt()), s.disabledReason(), Timestamp.from(now));
    }

    /** Replaces what a school may change; an update re-enables a disabled endpoint. */
    void update(Subscription s) {
        jdbc.update("update notifier.subscriptions set fkb_codes = ?, course_numbers = ?, euu_codes = ?, event_types = ?, "
                + "webhook_url = ?, email = ?, lead_days = ?, delivery = ?, digest_hour = ?, failing_since = null, "
                + "disabled_at = null, disabled_reason = null where id = ?",
                array(s.filters().fkbCodes()), array(s.filters().courseNumbers()), array(s.filters().euuCodes()),
                array(s.filters().eventTypes()), s.webhookUrl(), s.email(), ints(s.leadDays()), s.delivery().name(),
                s.digestHour(), s.id());
    }

    void rotateSecret(UUID id, String secret, Instant previousUntil) {
        jdbc.update("update notifier.subscriptions set previous_secret = webhook_secret, previous_secret_until = ?, "
                + "webhook_secret = ? where id = ?", Timestamp.from(previousUntil), secret, id);
    }

    void delete(UUID id) {
        jdbc.update("delete from notifier.subscriptions where id = ?", id);
    }

    /** The endpoint failed; remembers since when, the first time. */
    public void failing(UUID id, Instant now) {
        jdbc.update("update notifier.subscriptions set failing_since = coalesce(failing_since, ?) where id = ?",
                Timestamp.from(now), id);
    }

    /** @return true when this call disabled it (it was enabled) */
    public boolean disable(UUID id, Instant now, String reason) {
        return jdbc.update("update notifier.subscriptions set disabled_at = ?, disabled_reason = ? "
                + "where id = ? and disabled_at is null", Timestamp.from(now), reason, id) == 1;
    }

    private Array array(java.util.Collection<String> values) {
        return jdbc.execute((ConnectionCallback<Array>) c -> c.createArrayOf("text", values.stream().sorted().toArray()));
    }

    private Array ints(List<Integer> values) {
        return jdbc.execute((ConnectionCallback<Array>) c -> c.createArrayOf("int4", values.toArray()));
    }

    private static Timestamp timestamp(Instant instant) {
        return instant == null ? null : Timestamp.from(instant);
    }

    private static Instant instant(ResultSet row, String column) throws SQLException {
        var t = row.getTimestamp(column);
        return t == null ? null : t.toInstant();
    }

    private static LinkedHashSet<String> strings(ResultSet row, String column) throws SQLException {
        return new LinkedHashSet<>(Arrays.asList((String[]) row.getArray(column).getArray()));
    }

    private static Subscription map(ResultSet row, int n) throws SQLException {
        var filters = new Filters(strings(row, "fkb_codes"), strings(row, "course_numbers"), strings(row, "euu_codes"),
                strings(row, "event_types"));
        var lead = Arrays.asList((Integer[]) row.getArray("lead_days").getArray());
        return new Subscription(row.getObject("id", UUID.class), row.getObject("school_id", UUID.class), filters,
                row.getString("webhook_url"), row.getString("email"), List.copyOf(lead),
                Delivery.valueOf(row.getString("delivery")), row.getInt("digest_hour"), row.getString("webhook_secret"),
                row.getString("previous_secret"), instant(row, "previous_secret_until"), row.getString("feed_token"),
                instant(row, "failing_since"), instant(row, "disabled_at"), row.getString("disabled_reason"));
    }
}
