package dk.amu.catalogue.projections.links;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dk.amu.catalogue.eventlog.LikelySuccessors;
import dk.amu.catalogue.eventlog.LinkState;
import dk.amu.catalogue.eventlog.LinkState.Successor;
import dk.amu.catalogue.eventlog.LinkStatus;
import dk.amu.catalogue.projections.fkbs.FkbQueries;
import dk.amu.catalogue.projections.web.Cursors;
import dk.amu.catalogue.projections.web.NotFoundException;
import dk.amu.catalogue.projections.web.Slice;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * Course links on the two time axes. Record time picks the version: the latest one recorded at or
 * before {@code knownAt}. Business time gives the status: {@link LinkStatus#on} of that version's
 * dates on {@code asOf}, the one rule every service shares.
 */
@Service
public class LinkQueries {

    private static final String COLUMNS = "fkb_code, course_number, sequence, recorded_at, title, euu, duration_days, "
            + "linked_from, linked_to, unlinked_on, successor_number, successor_title";

    private final JdbcClient jdbc;

    private final FkbQueries fkbs;

    LinkQueries(JdbcClient jdbc, FkbQueries fkbs) {
        this.jdbc = jdbc;
        this.fkbs = fkbs;
    }

    /**
     * What FKB {@code fkb} contained on {@code asOf}, as the system knew it at {@code knownAt}: every
     * link it had linked by then, in course-number order.
     *
     * @param status only links with this status on {@code asOf}; null for all
     * @throws NotFoundException for an FKB with no applied event
     */
    public Slice<LinkView> links(String fkb, LinkStatus status, LocalDate asOf, Instant knownAt, String cursor, int size) {
        if (!fkbs.exists(fkb)) {
            throw FkbQueries.unknown(fkb);
        }
        var after = cursor == null ? "" : Cursors.decode(cursor, 1).get(0);
        var page = known(fkb, knownAt, after);
        // a likely successor is found among the whole FKB as known then, read only if a link needs one:
        // from the first page on, what was read is the whole FKB already
        var rows = LikelySuccessors.fillIn(page, code -> after.isEmpty() ? page : known(code, knownAt, "")).stream()
                .map(link -> LinkView.of(link, asOf))
                .filter(link -> status == null || link.status() == status)
                .limit(size + 1L)
                .toList();
        return Slice.of(rows, size, link -> Cursors.encode(link.courseNumber()));
    }

    /**
     * Links whose end date falls in {@code from..to} (both inclusive), as known now, earliest end first.
     *
     * @param fkb only this FKB's links; null for all
     */
    public Slice<LinkView> expiries(LocalDate from, LocalDate to, String fkb, LocalDate asOf, String cursor, int size) {
        var sql = "select " + COLUMNS + " from projections.links where linked_to between ? and ? ";
        var params = new ArrayList<Object>(List.of(from, to));
        if (fkb != null) {
            sql += "and fkb_code = ? ";
            params.add(fkb);
        }
        if (cursor != null) {
            var after = Cursors.decode(cursor, 3);
            sql += "and (linked_to, fkb_code, course_number) > (?::date, ?, ?) ";
            params.addAll(List.of(LocalDate.parse(after.get(0)), after.get(1), after.get(2)));
        }
        var rows = jdbc.sql(sql + "order by linked_to, fkb_code, course_number limit " + (size + 1))
                .params(params)
                .query((rs, n) -> LinkView.of(state(rs), asOf))
                .list();
        return Slice.of(rows, size, link -> Cursors.encode(link.linkedTo().toString(), link.fkbCode(), link.courseNumber()));
    }

    /**
     * The course in every FKB that has linked it, with each link's status on {@code asOf} and its
     * full history.
     *
     * @throws NotFoundException when no FKB has linked the course
     */
    public CourseView course(String courseNumber, LocalDate asOf) {
        var histories = new LinkedHashMap<String, List<LinkVersion>>();
        var latest = new LinkedHashMap<String, LinkState>();
        jdbc.sql("select " + COLUMNS + ", change_type, lead(recorded_at) over (partition by fkb_code order by sequence) "
                + "from projections.link_versions where course_number = ? order by fkb_code, sequence")
                .param(courseNumber)
                .query((rs, n) -> {
                    var state = state(rs);
                    latest.put(state.fkbCode(), state);
                    histories.computeIfAbsent(state.fkbCode(), code -> new ArrayList<>())
                            .add(version(state, rs.getString(13), instant(rs, 14)));
                    return state;
                })
                .list();
        if (latest.isEmpty()) {
            throw new NotFoundException("course", "no FKB has linked course '" + courseNumber
                    + "'; course numbers have five digits, e.g. 47299");
        }
        var titles = fkbTitles(latest.keySet().stream().toList());
        var inFkbs = LikelySuccessors.fillIn(List.copyOf(latest.values()), code -> known(code, null, "")).stream()
                .map(state -> new CourseView.InFkb(state.fkbCode(), titles.get(state.fkbCode()), LinkView.of(state, asOf),
                        histories.get(state.fkbCode())))
                .toList();
        var title = latest.values().stream().max(Comparator.comparing(LinkState::recordedAt)).orElseThrow().title();
        return new CourseView(courseNumber, title, inFkbs);
    }

    /**
     * The FKB's links with course numbers after {@code after}, each as the latest version recorded at or
     * before {@code knownAt} (null: the latest of all), by course number.
     */
    private List<LinkState> known(String fkb, Instant knownAt, String after) {
        return jdbc.sql("select distinct on (course_number) " + COLUMNS + " from projections.link_versions "
                + "where fkb_code = ? and recorded_at <= coalesce(?, recorded_at) and course_number > ? "
                + "order by course_number, sequence desc")
                .params(fkb, knownAt == null ? null : utc(knownAt), after)
                .query((rs, n) -> state(rs))
                .list();
    }

    private Map<String, String> fkbTitles(List<String> codes) {
        var titles = new LinkedHashMap<String, String>();
        jdbc.sql("select code, title from projections.fkbs where code = any(?)")
                .param(codes.toArray(String[]::new))
                .query(rs -> {
                    titles.put(rs.getString(1), rs.getString(2));
                });
        return titles;
    }

    private static LinkVersion version(LinkState state, String changeType, Instant supersededAt) {
        return new LinkVersion(state.sequence(), changeType, state.recordedAt(), supersededAt, state.title(), state.euu(),
                state.durationDays(), state.linkedFrom(), state.linkedTo(), state.unlinkedOn(), state.successor());
    }

    private static LinkState state(ResultSet rs) throws SQLException {
        var successorNumber = rs.getString(11);
        var successor = successorNumber == null ? null : new Successor(successorNumber, rs.getString(12));
        return new LinkState(rs.getString(1), rs.getString(2), rs.getString(5), rs.getString(6), rs.getBigDecimal(7),
                rs.getObject(8, LocalDate.class), rs.getObject(9, LocalDate.class), rs.getObject(10, LocalDate.class),
                successor, rs.getLong(3), instant(rs, 4));
    }

    private static OffsetDateTime utc(Instant instant) {
        return OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
    }

    private static Instant instant(ResultSet rs, int column) throws SQLException {
        var value = rs.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }
}
