package dk.amu.catalogue.projections.consuming;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import dk.amu.catalogue.eventlog.LinkState;
import dk.amu.catalogue.eventlog.LinkState.Successor;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The read models' tables in one schema: what the fold starts from, and the few multi-row
 * statements that write a batch's result. The schema name is checked, then part of the SQL.
 */
public final class ProjectionStore {

    static final String LINK_COLUMNS = "fkb_code, course_number, sequence, recorded_at, title, euu, "
            + "duration_days, linked_from, linked_to, unlinked_on, successor_number, successor_title";

    private final JdbcTemplate jdbc;

    private final String schema;

    public ProjectionStore(JdbcTemplate jdbc, String schema) {
        if (!schema.matches("[a-z_][a-z0-9_]*")) {
            throw new IllegalArgumentException("not a plain schema name: '" + schema + "'");
        }
        this.jdbc = jdbc;
        this.schema = schema;
    }

    public String schema() {
        return schema;
    }

    Map<String, FkbRow> fkbs(Collection<String> codes) {
        var rows = new HashMap<String, FkbRow>();
        jdbc.query(con -> withCodes(con, "select code, title, competences, revisions, events, head_sequence, "
                + "latest_revision_at, updated_at from " + schema + ".fkbs where code = any(?)", codes), rs -> {
                    var competences = List.of((String[]) rs.getArray(3).getArray());
                    rows.put(rs.getString(1), new FkbRow(rs.getString(1), rs.getString(2), competences, rs.getInt(4),
                            rs.getLong(5), rs.getLong(6), instant(rs, 7), instant(rs, 8)));
                });
        return rows;
    }

    /** The stored state of these links; links never linked are absent. */
    Map<LinkKey, LinkState> links(Collection<LinkKey> keys) {
        var rows = new HashMap<LinkKey, LinkState>();
        if (keys.isEmpty()) {
            return rows;
        }
        jdbc.query(con -> {
            var ps = con.prepareStatement("select " + LINK_COLUMNS.replace(", ", ", l.").replaceFirst("^", "l.") + " from "
                    + schema + ".links l join unnest(?::text[], ?::text[]) as k(fkb_code, course_number) "
                    + "on l.fkb_code = k.fkb_code and l.course_number = k.course_number");
            ps.setArray(1, texts(con, keys.stream().map(LinkKey::fkbCode).toList()));
            ps.setArray(2, texts(con, keys.stream().map(LinkKey::courseNumber).toList()));
            return ps;
        }, rs -> {
                    var state = linkState(rs);
                    rows.put(new LinkKey(state.fkbCode(), state.courseNumber()), state);
                });
        return rows;
    }

    void write(Projection projection) {
        writeVersions(projection.versions);
        writeLinks(projection);
        writeChanges(projection.changes);
        writeRevisions(projection.revisions);
        writeFkbs(projection.fkbs.values());
    }

    private void writeVersions(List<Projection.Version> versions) {
        jdbc.batchUpdate("insert into " + schema + ".link_versions (" + LINK_COLUMNS + ", change_type) "
                + "values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) on conflict do nothing", versions, 1000,
                (ps, version) -> {
                    setLink(ps, version.state());
                    ps.setString(13, version.changeType());
                });
    }

    private void writeLinks(Projection projection) {
        var touched = projection.versions.stream().map(v -> new LinkKey(v.state().fkbCode(), v.state().courseNumber()))
                .distinct().map(projection.links::get).toList();
        jdbc.batchUpdate("insert into " + schema + ".links (" + LINK_COLUMNS + ") values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) "
                + "on conflict (fkb_code, course_number) do update set sequence = excluded.sequence, "
                + "recorded_at = excluded.recorded_at, title = excluded.title, euu = excluded.euu, "
                + "duration_days = excluded.duration_days, linked_from = excluded.linked_from, "
                + "linked_to = excluded.linked_to, unlinked_on = excluded.unlinked_on, "
                + "successor_number = excluded.successor_number, successor_title = excluded.successor_title",
                touched, 1000, ProjectionStore::setLink);
    }

    private void writeChanges(List<Projection.Change> changes) {
        jdbc.batchUpdate("insert into " + schema + ".changes (event_id, fkb_code, sequence, type, course_number, "
                + "course_title, recorded_at, effective_date, linked_to, previous_linked_to, successor_number, "
                + "successor_title, ingestion_id, document_name) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) "
                + "on conflict (event_id) do nothing", changes, 1000, (ps, change) -> {
                    var event = change.event();
                    var after = change.after();
                    var before = change.before();
                    var successor = after == null ? null : after.successor();
                    ps.setString(1, event.getEventId());
                    ps.setString(2, event.getFkbCode());
                    ps.setLong(3, event.getSequence());
                    ps.setString(4, change.type());
                    ps.setString(5, change.courseNumber());
                    ps.setString(6, after == null ? null : after.title());
                    ps.setObject(7, timestamp(event.getRecordedAt()));
                    ps.setObject(8, event.getEffectiveDate());
                    ps.setObject(9, after == null ? null : after.linkedTo());
                    ps.setObject(10, before == null ? null : before.linkedTo());
                    ps.setString(11, successor == null ? null : successor.courseNumber());
                    ps.setString(12, successor == null ? null : successor.title());
                    ps.setString(13, event.getSource().getIngestionId());
                    ps.setString(14, event.getSource().getDocumentName());
                });
    }

    private void writeRevisions(List<Projection.Revision> revisions) {
        jdbc.batchUpdate("insert into " + schema + ".fkb_revisions (fkb_code, sequence, recorded_at, effective_date, "
                + "title, previous_title, competences_added, competences_removed, document_name, document_sha256, "
                + "ingestion_id) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) on conflict do nothing", revisions, 1000,
                (ps, revision) -> {
                    var event = revision.event();
                    var payload = revision.payload();
                    ps.setString(1, event.getFkbCode());
                    ps.setLong(2, event.getSequence());
                    ps.setObject(3, timestamp(event.getRecordedAt()));
                    ps.setObject(4, event.getEffectiveDate());
                    ps.setString(5, payload.getTitle());
                    ps.setString(6, payload.getPreviousTitle());
                    ps.setArray(7, texts(ps.getConnection(), payload.getCompetencesAdded()));
                    ps.setArray(8, texts(ps.getConnection(), payload.getCompetencesRemoved()));
                    ps.setString(9, event.getSource().getDocumentName());
                    ps.setString(10, event.getSource().getDocumentSha256());
                    ps.setString(11, event.getSource().getIngestionId());
                });
    }

    private void writeFkbs(Collection<FkbRow> fkbs) {
        jdbc.batchUpdate("insert into " + schema + ".fkbs (code, title, competences, revisions, events, head_sequence, "
                + "latest_revision_at, updated_at) values (?, ?, ?, ?, ?, ?, ?, ?) on conflict (code) do update set "
                + "title = excluded.title, competences = excluded.competences, revisions = excluded.revisions, "
                + "events = excluded.events, head_sequence = excluded.head_sequence, "
                + "latest_revision_at = excluded.latest_revision_at, updated_at = excluded.updated_at",
                List.copyOf(fkbs), 1000, (ps, fkb) -> {
                    ps.setString(1, fkb.code());
                    ps.setString(2, fkb.title());
                    ps.setArray(3, texts(ps.getConnection(), fkb.competences()));
                    ps.setInt(4, fkb.revisions());
                    ps.setLong(5, fkb.events());
                    ps.setLong(6, fkb.headSequence());
                    ps.setObject(7, timestamp(fkb.latestRevisionAt()));
                    ps.setObject(8, timestamp(fkb.updatedAt()));
                });
    }

    private static void setLink(PreparedStatement ps, LinkState link) throws SQLException {
        ps.setString(1, link.fkbCode());
        ps.setString(2, link.courseNumber());
        ps.setLong(3, link.sequence());
        ps.setObject(4, timestamp(link.recordedAt()));
        ps.setString(5, link.title());
        ps.setString(6, link.euu());
        ps.setBigDecimal(7, link.durationDays());
        ps.setObject(8, link.linkedFrom());
        ps.setObject(9, link.linkedTo());
        ps.setObject(10, link.unlinkedOn());
        ps.setString(11, link.successor() == null ? null : link.successor().courseNumber());
        ps.setString(12, link.successor() == null ? null : link.successor().title());
    }

    private static LinkState linkState(ResultSet rs) throws SQLException {
        var successorNumber = rs.getString(11);
        var successor = successorNumber == null ? null : new Successor(successorNumber, rs.getString(12));
        return new LinkState(rs.getString(1), rs.getString(2), rs.getString(5), rs.getString(6), rs.getBigDecimal(7),
                rs.getObject(8, LocalDate.class), rs.getObject(9, LocalDate.class), rs.getObject(10, LocalDate.class),
                successor, rs.getLong(3), instant(rs, 4));
    }

    private static PreparedStatement withCodes(Connection con, String sql, Collection<String> codes) throws SQLException {
        var ps = con.prepareStatement(sql);
        ps.setArray(1, texts(con, codes));
        return ps;
    }

    private static Array texts(Connection con, Collection<String> values) throws SQLException {
        return con.createArrayOf("text", values.toArray(String[]::new));
    }

    private static OffsetDateTime timestamp(Instant instant) {
        return instant == null ? null : OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
    }

    private static Instant instant(ResultSet rs, int column) throws SQLException {
        var value = rs.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }
}
