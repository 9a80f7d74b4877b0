package dk.amu.catalogue.cluster.support;

import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.Map;

import dk.amu.catalogue.postgres.EmbeddedDatabase;

/** The read models' tables as rows, to compare one schema with another. */
public final class Tables {

    /** Every table of the projections, with the order that makes its rows comparable. */
    private static final Map<String, String> PROJECTIONS = new LinkedHashMap<>();

    static {
        PROJECTIONS.put("fkbs", "code");
        PROJECTIONS.put("fkb_revisions", "fkb_code, sequence");
        PROJECTIONS.put("link_versions", "fkb_code, course_number, sequence");
        PROJECTIONS.put("links", "fkb_code, course_number");
        PROJECTIONS.put("changes", "event_id");
        PROJECTIONS.put("consumer_positions", "topic, partition");
    }

    private Tables() {
    }

    /** Per table of the projections: its row count and an MD5 over all its rows in key order. */
    public static Map<String, String> projections(EmbeddedDatabase database) {
        var result = new LinkedHashMap<String, String>();
        PROJECTIONS.forEach((table, order) -> result.put(table, single(database,
                "select count(*) || ' rows, md5 ' || coalesce(md5(string_agg(t::text, '|' order by " + order + ")), '-') "
                        + "from projections." + table + " t")));
        return result;
    }

    public static String single(EmbeddedDatabase database, String sql) {
        try (var connection = DriverManager.getConnection(database.jdbcUrl(), database.username(), database.password());
                var rows = connection.createStatement().executeQuery(sql)) {
            return rows.next() ? rows.getString(1) : null;
        }
        catch (SQLException ex) {
            throw new IllegalStateException(sql + " failed", ex);
        }
    }

    public static long count(EmbeddedDatabase database, String sql) {
        var value = single(database, sql);
        return value == null ? 0 : Long.parseLong(value);
    }
}
