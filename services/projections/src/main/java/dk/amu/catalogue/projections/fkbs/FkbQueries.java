package dk.amu.catalogue.projections.fkbs;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;

import dk.amu.catalogue.eventlog.CatalogueZone;
import dk.amu.catalogue.projections.changes.ChangeQueries;
import dk.amu.catalogue.projections.consuming.CurrentLinks;
import dk.amu.catalogue.projections.web.Cursors;
import dk.amu.catalogue.projections.web.NotFoundException;
import dk.amu.catalogue.projections.web.Slice;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/** The FKBs: their title, competences, counts and document versions. */
@Service
public class FkbQueries {

    private static final String SUMMARY = "select f.code, f.title, coalesce(l.links, 0), coalesce(l.current_links, 0), "
            + "cardinality(f.competences), f.revisions, f.events, f.latest_revision_at, f.head_sequence, f.competences "
            + "from projections.fkbs f left join (select fkb_code, count(*) links, count(*) filter (where "
            + CurrentLinks.ON_AS_OF + ") current_links from projections.links group by fkb_code) l on l.fkb_code = f.code ";

    private final JdbcClient jdbc;

    private final ChangeQueries changes;

    private final Clock clock;

    FkbQueries(JdbcClient jdbc, ChangeQueries changes, Clock clock) {
        this.jdbc = jdbc;
        this.changes = changes;
        this.clock = clock;
    }

    /** FKBs in order of their code; {@code cursor} from a previous page, null for the first. */
    public Slice<FkbSummary> fkbs(String cursor, int size) {
        var after = cursor == null ? "" : Cursors.decode(cursor, 1).get(0);
        var rows = jdbc.sql(SUMMARY + "where f.code > :after order by f.code limit :limit")
                .param("asOf", today()).param("after", after).param("limit", size + 1)
                .query((rs, n) -> summary(rs)).list();
        return Slice.of(rows, size, fkb -> Cursors.encode(fkb.code()));
    }

    /** @throws NotFoundException when no event of that FKB has been applied */
    public FkbDetail fkb(String code) {
        var detail = jdbc.sql(SUMMARY + "where f.code = :code").param("asOf", today()).param("code", code)
                .query((rs, n) -> new FkbDetail(rs.getString(1), rs.getString(2),
                        List.of((String[]) rs.getArray(10).getArray()), rs.getLong(3), rs.getLong(4), rs.getLong(7),
                        rs.getLong(9), instant(rs, 8), List.of()))
                .optional()
                .orElseThrow(() -> unknown(code));
        var revisions = jdbc.sql("select sequence, recorded_at, effective_date, title, previous_title, competences_added, "
                + "competences_removed, document_name, document_sha256, ingestion_id from projections.fkb_revisions "
                + "where fkb_code = ? order by sequence desc").param(code)
                .query((rs, n) -> new Revision(rs.getLong(1), instant(rs, 2), rs.getObject(3, LocalDate.class),
                        rs.getString(4), rs.getString(5), List.of((String[]) rs.getArray(6).getArray()),
                        List.of((String[]) rs.getArray(7).getArray()), rs.getString(8), rs.getString(9),
                        changes.ofIngestion(code, rs.getString(10))))
                .list();
        return new FkbDetail(detail.code(), detail.title(), detail.competences(), detail.links(), detail.currentLinks(),
                detail.events(), detail.headSequence(), detail.latestRevisionAt(), revisions);
    }

    /** Whether any event of that FKB has been applied. */
    public boolean exists(String code) {
        return jdbc.sql("select count(*) from projections.fkbs where code = ?").param(code).query(Long.class).single() > 0;
    }

    public static NotFoundException unknown(String code) {
        return new NotFoundException("fkb", "no FKB with code '" + code + "' is known; GET /api/fkbs lists the FKBs");
    }

    private LocalDate today() {
        return CatalogueZone.today(clock);
    }

    private static FkbSummary summary(ResultSet rs) throws SQLException {
        return new FkbSummary(rs.getString(1), rs.getString(2), rs.getLong(3), rs.getLong(4), rs.getInt(5), rs.getInt(6),
                rs.getLong(7), instant(rs, 8));
    }

    private static Instant instant(ResultSet rs, int column) throws SQLException {
        var value = rs.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }
}
