package dk.amu.catalogue.notifier.outbox;

import java.sql.Array;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.UUID;

import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * Which instance sends a subscription's deliveries on a channel right now. Before a round of
 * sending, an instance claims subscriptions with work due, until a given instant: no other instance
 * sends to them until the round ends and releases them, or until the claim runs out, which is how
 * the work of an instance that died falls due again. A claim covers all of a subscription's
 * deliveries on the channel, so they still go out one after another, in order.
 *
 * <p>Claiming is one statement: a subscription claimed by two instances at once goes to the one
 * whose insert commits first; the other's insert finds the row and, the claim being live, skips it.
 */
@Repository
public class DeliveryClaims {

    /** A subscription of a school the operator has disabled sends nothing; its deliveries wait, nothing is deleted. */
    private static final String SCHOOL_ENABLED = "not exists (select 1 from notifier.subscriptions o "
            + "join notifier.schools sc on sc.id = o.school_id where o.id = %s and sc.disabled_at is not null)";

    /** Webhook endpoints whose first pending delivery is due (a later one never overtakes it); enabled ones only. */
    private static final String DUE_ENDPOINTS = "select h.subscription_id, h.next_attempt_at as due from ("
            + "select distinct on (d.subscription_id) d.subscription_id, d.next_attempt_at from notifier.deliveries d "
            + "where d.status = 'PENDING' and d.channel = '" + Notices.WEBHOOK + "' order by d.subscription_id, d.id) h "
            + "join notifier.subscriptions s on s.id = h.subscription_id "
            + "where s.disabled_at is null and s.webhook_url is not null and h.next_attempt_at <= ? and "
            + SCHOOL_ENABLED.formatted("s.id");

    /** Mailboxes with any e-mail due: a failed mail waits for its retry, the others of the subscription need not. */
    private static final String DUE_MAILBOXES = "select d.subscription_id, min(d.next_attempt_at) as due "
            + "from notifier.deliveries d where d.status = 'PENDING' and d.channel = '" + Notices.EMAIL + "' "
            + "and d.next_attempt_at <= ? and " + SCHOOL_ENABLED.formatted("d.subscription_id") + " group by d.subscription_id";

    private final JdbcTemplate jdbc;

    /** This instance in the claims it holds; new at each start, so a restarted instance does not take old claims for its own. */
    private final String instance = UUID.randomUUID().toString();

    DeliveryClaims(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Claims up to {@code limit} webhook endpoints with a delivery due, longest waiting first. */
    public List<UUID> claimEndpoints(Instant now, Instant until, int limit) {
        return claim(Notices.WEBHOOK, DUE_ENDPOINTS, now, until, limit);
    }

    /**
     * Claims those of the given webhook endpoints that are enabled and that no instance holds, whatever
     * is due there: for deliveries this instance has just recorded, which the caller then checks are
     * still the first pending ones of each endpoint (in a statement after this one, which sees what
     * another instance recorded before it let go of an endpoint).
     */
    public List<UUID> claimEndpoints(Collection<UUID> endpoints, Instant now, Instant until) {
        var at = Timestamp.from(now);
        var ids = jdbc.execute((ConnectionCallback<Array>) c -> c.createArrayOf("uuid", endpoints.toArray()));
        return jdbc.queryForList("insert into notifier.delivery_claims (subscription_id, channel, instance, claimed_until) "
                + "select s.id, ?, ?, ? from notifier.subscriptions s where s.id = any(?) and s.disabled_at is null "
                + "and s.webhook_url is not null and " + SCHOOL_ENABLED.formatted("s.id")
                + " and not exists (select 1 from notifier.delivery_claims k "
                + "where k.subscription_id = s.id and k.channel = ? and k.claimed_until > ?) order by s.id "
                + "on conflict (subscription_id, channel) do update set instance = excluded.instance, "
                + "claimed_until = excluded.claimed_until where notifier.delivery_claims.claimed_until <= ? "
                + "returning subscription_id", UUID.class,
                Notices.WEBHOOK, instance, Timestamp.from(until), ids, Notices.WEBHOOK, at, at);
    }

    /** Claims up to {@code limit} subscriptions with an e-mail due, longest waiting first. */
    public List<UUID> claimMailboxes(Instant now, Instant until, int limit) {
        return claim(Notices.EMAIL, DUE_MAILBOXES, now, until, limit);
    }

    private List<UUID> claim(String channel, String due, Instant now, Instant until, int limit) {
        var at = Timestamp.from(now);
        return jdbc.queryForList("insert into notifier.delivery_claims (subscription_id, channel, instance, claimed_until) "
                + "select c.subscription_id, ?, ?, ? from (" + due + ") c where not exists (select 1 from "
                + "notifier.delivery_claims k where k.subscription_id = c.subscription_id and k.channel = ? "
                + "and k.claimed_until > ?) order by c.due, c.subscription_id limit ? "
                + "on conflict (subscription_id, channel) do update set instance = excluded.instance, "
                + "claimed_until = excluded.claimed_until where notifier.delivery_claims.claimed_until <= ? "
                + "returning subscription_id", UUID.class,
                channel, instance, Timestamp.from(until), at, channel, at, limit, at);
    }

    /** Gives the subscriptions back, once what was sent to them is recorded. */
    public void release(String channel, Collection<UUID> subscriptions) {
        if (subscriptions.isEmpty()) {
            return;
        }
        var ids = jdbc.execute((ConnectionCallback<Array>) c -> c.createArrayOf("uuid", subscriptions.toArray()));
        jdbc.update("delete from notifier.delivery_claims where channel = ? and instance = ? and subscription_id = any(?)",
                channel, instance, ids);
    }
}
