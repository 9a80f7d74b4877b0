package dk.amu.catalogue.notifier.outbox;

import java.sql.Date;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * The expiry warnings a school was sent, so its portal can show, beside an end date, which warnings
 * have gone out and when. A school with several subscriptions in one link's scope was warned once per
 * subscription; it is shown the first.
 */
@Repository
public class SentWarnings {

    /** A warning {@code leadDays} before {@code linkedTo}, first sent at {@code sentAt}. */
    public record SentWarning(String fkbCode, String courseNumber, LocalDate linkedTo, int leadDays, Instant sentAt) {
    }

    private final JdbcTemplate jdbc;

    SentWarnings(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** The school's warnings about end dates from {@code from} on, the longest lead first. */
    public List<SentWarning> ofSchool(UUID school, LocalDate from) {
        return jdbc.query("select n.fkb_code, n.course_number, n.linked_to, n.lead_days, min(n.created_at) "
                + "from notifier.notices n join notifier.subscriptions s on s.id = n.subscription_id "
                + "where s.school_id = ? and n.type = ? and n.lead_days is not null and n.linked_to >= ? "
                + "group by n.fkb_code, n.course_number, n.linked_to, n.lead_days order by n.lead_days desc",
                (row, n) -> new SentWarning(row.getString(1), row.getString(2), row.getObject(3, LocalDate.class),
                        row.getInt(4), row.getTimestamp(5).toInstant()),
                school, Notice.EXPIRY_WARNING, Date.valueOf(from));
    }
}
