package dk.amu.catalogue.notifier.outbox;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import dk.amu.catalogue.eventlog.CatalogueZone;
import dk.amu.catalogue.notifier.subscriptions.Subscription.Delivery;
import dk.amu.catalogue.notifier.subscriptions.Subscription;
import dk.amu.catalogue.notifier.system.NotifierProperties;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * Records what each subscription is to be told, in the caller's transaction: the notice, and one
 * pending delivery per channel (the outbox the dispatchers read). A notice the subscription was
 * already given is skipped, which makes a replay, a rebuild or a restart a no-op. The webhook
 * deliveries it writes are announced as {@link WebhooksRecorded}, for the dispatcher to send once
 * the transaction commits.
 *
 * <p>An immediate e-mail of an ingestion's notice is held: due after the immediate window, or as soon
 * as {@link #ingestionsComplete} finds a later event of its FKB, so the mail dispatcher sends the
 * ingestion as one mail. The held deliveries of one ingestion go out with the first of them to fall due.
 */
@Component
public class Notices {

    public static final String WEBHOOK = "WEBHOOK";

    public static final String EMAIL = "EMAIL";

    private final JdbcTemplate jdbc;

    private final JsonMapper json;

    private final Clock clock;

    private final Counter matched;

    private final ApplicationEventPublisher events;

    private final Duration window;

    Notices(JdbcTemplate jdbc, JsonMapper json, Clock clock, MeterRegistry meters, ApplicationEventPublisher events,
            NotifierProperties properties) {
        this.jdbc = jdbc;
        this.window = properties.mail().immediateWindow();
        this.events = events;
        this.json = json;
        this.clock = clock;
        this.matched = Counter.builder("catalogue.notifier.matched")
                .description("notices matched to a subscription for the first time").register(meters);
    }

    /**
     * One notice for many subscriptions, in one statement: a notice reaching a thousand subscriptions
     * is one round trip, not a thousand (it is on the path from ingest to webhook).
     */
    public void record(Notice notice, Collection<Subscription> subscriptions) {
        record(notice, subscriptions, null);
    }

    /**
     * One notice for many subscriptions, caused by the upload of the given trace (a W3C traceparent,
     * or null): the dispatcher sends its webhooks in that trace.
     */
    public void record(Notice notice, Collection<Subscription> subscriptions, String traceparent) {
        if (subscriptions.isEmpty()) {
            return;
        }
        var now = clock.instant();
        var ids = new ArrayList<UUID>();
        var channelOf = new ArrayList<UUID>();
        var schools = new ArrayList<UUID>();
        var channels = new ArrayList<String>();
        var due = new ArrayList<String>();
        for (var s : subscriptions) {
            ids.add(s.id());
            if (s.webhookUrl() != null) {
                channelOf.add(s.id());
                schools.add(s.schoolId());
                channels.add(WEBHOOK);
                due.add(now.toString());
            }
            if (s.email() != null) {
                channelOf.add(s.id());
                schools.add(s.schoolId());
                channels.add(EMAIL);
                due.add((s.delivery() == Delivery.DAILY_DIGEST ? nextDigest(s.digestHour(), now)
                        : notice.ingestionId() == null ? now : now.plus(window)).toString());
            }
        }
        var subject = notice.subject();
        var body = json.writeValueAsString(notice.event());
        var webhookIds = new ArrayList<Long>();
        var webhookSubscriptions = new ArrayList<UUID>();
        var inserted = new int[1];
        jdbc.query("with n as (insert into notifier.notices (subscription_id, notice_id, type, "
                + "fkb_code, course_number, linked_to, lead_days, event, created_at, traceparent, ingestion_id) "
                + "select s.id, ?::text, ?::text, ?::text, ?::text, ?::date, ?::int, ?::text, ?::timestamptz, ?::text, ?::text "
                + "from unnest(?::uuid[]) as s(id) "
                + "on conflict (subscription_id, notice_id) do nothing returning id, subscription_id), "
                + "d as (insert into notifier.deliveries (notice, subscription_id, school_id, channel, status, next_attempt_at, "
                + "created_at) select n.id, n.subscription_id, c.school_id, c.channel, 'PENDING', c.due::timestamptz, "
                + "?::timestamptz from n join unnest(?::uuid[], ?::uuid[], ?::text[], ?::text[]) as c(subscription_id, school_id, "
                + "channel, due) "
                + "on c.subscription_id = n.subscription_id returning id, subscription_id, channel) "
                // one row at least, for the count; then a row per webhook delivery
                + "select (select count(*) from n), w.id, w.subscription_id from (select 1) one "
                + "left join d w on w.channel = '" + WEBHOOK + "' order by w.id", row -> {
                    inserted[0] = row.getInt(1);
                    long id = row.getLong(2);
                    if (!row.wasNull()) {
                        webhookIds.add(id);
                        webhookSubscriptions.add(row.getObject(3, UUID.class));
                    }
                },
                notice.noticeId(), notice.type(), subject.fkbCode(),
                subject.courseNumbers().size() == 1 ? subject.courseNumbers().iterator().next() : null,
                notice.linkedTo() == null ? null : Date.valueOf(notice.linkedTo()), notice.leadDays(),
                body, Timestamp.from(now), traceparent, notice.ingestionId(), array("uuid", ids), Timestamp.from(now),
                array("uuid", channelOf), array("uuid", schools), array("text", channels), array("text", due));
        matched.increment(inserted[0]);
        if (!webhookIds.isEmpty()) {
            events.publishEvent(new WebhooksRecorded(notice.noticeId(), body, now, traceparent, webhookIds, webhookSubscriptions));
        }
    }

    /** Replaces a summary's text while it grows over several batches of one ingestion; who gets it stays. */
    public void revise(Notice notice, Collection<Subscription> subscriptions) {
        revise(notice, subscriptions, null);
    }

    /** {@link #revise(Notice, Collection)}, for a summary that an upload of the given trace caused. */
    public void revise(Notice notice, Collection<Subscription> subscriptions, String traceparent) {
        var body = json.writeValueAsString(notice.event());
        var ids = subscriptions.stream().map(Subscription::id).toArray(UUID[]::new);
        jdbc.update("update notifier.notices set event = ? where notice_id = ? and subscription_id = any(?)", body,
                notice.noticeId(), jdbc.execute((ConnectionCallback<java.sql.Array>) c -> c.createArrayOf("uuid", ids)));
        record(notice, subscriptions, traceparent);
    }

    /**
     * Every ingestion of these FKBs before the given one (FKB code to the ingestion of its latest event
     * folded) has all its events in, for an FKB's events come in sequence order: the immediate e-mails
     * still held for them fall due now. One statement for a batch, whatever the number of FKBs.
     */
    public void ingestionsComplete(Map<String, String> latestIngestions) {
        if (latestIngestions.isEmpty()) {
            return;
        }
        var now = Timestamp.from(clock.instant());
        var codes = new ArrayList<String>();
        var ingestions = new ArrayList<String>();
        latestIngestions.forEach((code, ingestion) -> {
            codes.add(code);
            ingestions.add(ingestion);
        });
        jdbc.update("update notifier.deliveries d set next_attempt_at = ? from notifier.notices n, "
                + "unnest(?::text[], ?::text[]) as h(fkb_code, ingestion_id), notifier.subscriptions s "
                + "where d.status = 'PENDING' and d.channel = '" + EMAIL + "' and d.attempts = 0 and d.next_attempt_at > ? "
                + "and n.id = d.notice and n.fkb_code = h.fkb_code and n.ingestion_id <> h.ingestion_id "
                + "and s.id = d.subscription_id and s.delivery = '" + Delivery.IMMEDIATE.name() + "'",
                now, array("text", codes), array("text", ingestions), now);
    }

    /**
     * Who was warned that this link ends on that date, and has not been told otherwise. Every warning
     * has its lead days, and saying so lets the partial index {@code notices_warned} answer: without it
     * every moved end date scanned all notices ever recorded.
     */
    public List<UUID> warned(String fkbCode, String courseNumber, java.time.LocalDate linkedTo) {
        return jdbc.queryForList("select distinct subscription_id from notifier.notices where fkb_code = ? "
                + "and course_number = ? and linked_to = ? and type = ? and lead_days is not null", UUID.class, fkbCode, courseNumber,
                Date.valueOf(linkedTo), Notice.EXPIRY_WARNING);
    }

    private java.sql.Array array(String type, List<?> values) {
        return jdbc.execute((ConnectionCallback<java.sql.Array>) c -> c.createArrayOf(type, values.toArray()));
    }

    /** The next time the digest hour strikes in Copenhagen. */
    static Instant nextDigest(int hour, Instant now) {
        var local = now.atZone(CatalogueZone.ZONE);
        var at = local.toLocalDate().atTime(hour, 0).atZone(CatalogueZone.ZONE);
        return (at.isAfter(local) ? at : at.plusDays(1)).toInstant();
    }
}
