package dk.amu.catalogue.notifier.feeds;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/** What a subscription was told, newest first: the Atom feed's entries. */
@Repository
class FeedNotices {

    record Entry(String noticeId, String type, String event, Instant createdAt) {
    }

    private final JdbcTemplate jdbc;

    FeedNotices(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    List<Entry> latest(UUID subscription, int limit) {
        return jdbc.query("select notice_id, type, event, created_at from notifier.notices where subscription_id = ? "
                + "order by id desc limit ?", (row, n) -> new Entry(row.getString(1), row.getString(2), row.getString(3),
                        row.getTimestamp(4).toInstant()), subscription, limit);
    }

}
