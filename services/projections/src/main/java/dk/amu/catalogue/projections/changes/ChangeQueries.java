package dk.amu.catalogue.projections.changes;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

import dk.amu.catalogue.eventlog.LinkState.Successor;
import dk.amu.catalogue.projections.web.Cursors;
import dk.amu.catalogue.projections.web.Slice;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/** The change feed: every event, newest first. */
@Service
public class ChangeQueries {

    private static final String COLUMNS = "event_id, fkb_code, sequence, type, course_number, course_title, "
            + "recorded_at, effective_date, linked_to, previous_linked_to, successor_number, successor_title, document_name";

    private final JdbcClient jdbc;

    ChangeQueries(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * @param since  only events recorded at or after this instant; null for all
     * @param fkb    only this FKB's events; null for all
     * @param type   only events of this payload type; null for all
     * @param cursor where the page starts, from a previous page; null for the newest
     */
    public Slice<Change> changes(Instant since, String fkb, String type, String cursor, int size) {
        var where = new ArrayList<String>();
        var params = new ArrayList<Object>();
        if (since != null) {
            where.add("recorded_at >= ?");
            params.add(OffsetDateTime.ofInstant(since, ZoneOffset.UTC));
        }
        if (fkb != null) {
            where.add("fkb_code = ?");
            params.add(fkb);
        }
        if (type != null) {
            where.add("type = ?");
            params.add(type);
        }
        if (cursor != null) {
            var after = Cursors.decode(cursor, 3);
            where.add("(recorded_at, fkb_code, sequence) < (?, ?, ?)");
            params.add(OffsetDateTime.parse(after.get(0)));
            params.add(after.get(1));
            params.add(Long.parseLong(after.get(2)));
        }
        var sql = "select " + COLUMNS + " from projections.changes"
                + (where.isEmpty() ? "" : " where " + String.join(" and ", where))
                + " order by recorded_at desc, fkb_code desc, sequence desc limit " + (size + 1);
        var rows = jdbc.sql(sql).params(params).query((rs, n) -> change(rs)).list();
        return Slice.of(rows, size, ChangeQueries::cursorOf);
    }

    /** The changes one ingestion made to an FKB, in sequence order. */
    public List<Change> ofIngestion(String fkb, String ingestionId) {
        return jdbc.sql("select " + COLUMNS + " from projections.changes where fkb_code = ? and ingestion_id = ? "
                + "order by sequence").params(fkb, ingestionId).query((rs, n) -> change(rs)).list();
    }

    private static String cursorOf(Change change) {
        return Cursors.encode(OffsetDateTime.ofInstant(change.recordedAt(), ZoneOffset.UTC).toString(), change.fkbCode(),
                Long.toString(change.sequence()));
    }

    static Change change(ResultSet rs) throws SQLException {
        var successorNumber = rs.getString(11);
        return new Change(rs.getString(1), rs.getString(2), rs.getLong(3), rs.getString(4), rs.getString(5),
                rs.getString(6), rs.getObject(7, OffsetDateTime.class).toInstant(), rs.getObject(8, LocalDate.class),
                rs.getObject(9, LocalDate.class), rs.getObject(10, LocalDate.class),
                successorNumber == null ? null : new Successor(successorNumber, rs.getString(12)), rs.getString(13));
    }
}
