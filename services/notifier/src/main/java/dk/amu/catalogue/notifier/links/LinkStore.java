package dk.amu.catalogue.notifier.links;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import dk.amu.catalogue.eventlog.LinkState;
import dk.amu.catalogue.eventlog.LinkStatus;
import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Repository;

/** The notifier's own fold of the links ({@code LinkStates.apply}), and each FKB's head and first ingestion. */
@Repository
public class LinkStore {

    public record Fkb(String code, String title, long headSequence, String firstIngestionId) {
    }

    public record Key(String fkbCode, String courseNumber) {
    }

    private static final RowMapper<LinkState> LINK = LinkStore::link;

    private final JdbcTemplate jdbc;

    LinkStore(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public Map<String, Fkb> fkbs(Collection<String> codes) {
        var result = new HashMap<String, Fkb>();
        jdbc.query("select fkb_code, title, head_sequence, first_ingestion_id from notifier.fkbs where fkb_code = any(?)",
                row -> {
                    result.put(row.getString(1), new Fkb(row.getString(1), row.getString(2), row.getLong(3), row.getString(4)));
                }, array(codes));
        return result;
    }

    public Map<Key, LinkState> links(Collection<String> fkbCodes) {
        var result = new HashMap<Key, LinkState>();
        jdbc.query("select * from notifier.links where fkb_code = any(?)", row -> {
            var link = link(row, 0);
            result.put(new Key(link.fkbCode(), link.courseNumber()), link);
        }, array(fkbCodes));
        return result;
    }

    /** Links with an end date still ahead or today, not removed: the ones warnings are about. */
    public List<LinkState> ending(LocalDate today) {
        return jdbc.query("select * from notifier.links where linked_to >= ? and unlinked_on is null", LINK, today);
    }

    /** Links that end from {@code from} through {@code to}, not removed, soonest first: what is coming. */
    public List<LinkState> endingBetween(LocalDate from, LocalDate to) {
        return jdbc.query("select * from notifier.links where linked_to between ? and ? and unlinked_on is null "
                + "order by linked_to, fkb_code, course_number", LINK, from, to);
    }

    /** Links of these FKBs, or of all FKBs when none is named. */
    public List<LinkState> of(Collection<String> fkbCodes) {
        return fkbCodes.isEmpty() ? jdbc.query("select * from notifier.links", LINK)
                : jdbc.query("select * from notifier.links where fkb_code = any(?)", LINK, array(fkbCodes));
    }

    public void save(Collection<Fkb> fkbs, Collection<LinkState> links) {
        var fkbRows = new ArrayList<Object[]>();
        fkbs.forEach(f -> fkbRows.add(new Object[] { f.code(), f.title(), f.headSequence(), f.firstIngestionId() }));
        jdbc.batchUpdate("insert into notifier.fkbs (fkb_code, title, head_sequence, first_ingestion_id) values (?, ?, ?, ?) "
                + "on conflict (fkb_code) do update set title = excluded.title, head_sequence = excluded.head_sequence", fkbRows);
        var linkRows = new ArrayList<Object[]>();
        links.forEach(l -> linkRows.add(new Object[] { l.fkbCode(), l.courseNumber(), l.title(), l.euu(), l.durationDays(),
                date(l.linkedFrom()), date(l.linkedTo()), date(l.unlinkedOn()),
                l.successor() == null ? null : l.successor().courseNumber(), l.successor() == null ? null : l.successor().title(),
                l.sequence(), Timestamp.from(l.recordedAt()) }));
        jdbc.batchUpdate("insert into notifier.links (fkb_code, course_number, title, euu, duration_days, linked_from, linked_to, "
                + "unlinked_on, successor_course, successor_title, sequence, recorded_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) "
                + "on conflict (fkb_code, course_number) do update set title = excluded.title, euu = excluded.euu, "
                + "duration_days = excluded.duration_days, linked_from = excluded.linked_from, linked_to = excluded.linked_to, "
                + "unlinked_on = excluded.unlinked_on, successor_course = excluded.successor_course, "
                + "successor_title = excluded.successor_title, sequence = excluded.sequence, recorded_at = excluded.recorded_at",
                linkRows);
    }

    /** The FKB's links and head gone, as if none of its events had been seen: a redrive folds them again. */
    public void forget(String fkbCode) {
        jdbc.update("delete from notifier.links where fkb_code = ?", fkbCode);
        jdbc.update("delete from notifier.fkbs where fkb_code = ?", fkbCode);
    }

    private java.sql.Array array(Collection<String> values) {
        return jdbc.execute((ConnectionCallback<java.sql.Array>) c -> c.createArrayOf("text", values.toArray()));
    }

    private static Object date(LocalDate date) {
        return date;
    }

    private static LocalDate localDate(ResultSet row, String column) throws SQLException {
        return row.getObject(column, LocalDate.class);
    }

    private static LinkState link(ResultSet row, int n) throws SQLException {
        var successor = row.getString("successor_course") == null ? null
                : new LinkState.Successor(row.getString("successor_course"), row.getString("successor_title"));
        return new LinkState(row.getString("fkb_code"), row.getString("course_number"), row.getString("title"),
                row.getString("euu"), row.getBigDecimal("duration_days"), localDate(row, "linked_from"),
                localDate(row, "linked_to"), localDate(row, "unlinked_on"), successor, row.getLong("sequence"),
                row.getTimestamp("recorded_at").toInstant());
    }

    /** Whether the link ends within the next {@code days} days: for the summary a new subscription may ask for. */
    public static boolean endsWithin(LinkState link, LocalDate today, int days) {
        return link.linkedTo() != null && link.statusOn(today) == LinkStatus.ENDING
                && !link.linkedTo().isAfter(today.plusDays(days));
    }
}
