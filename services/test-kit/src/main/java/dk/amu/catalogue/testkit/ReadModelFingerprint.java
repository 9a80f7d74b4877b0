package dk.amu.catalogue.testkit;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.UnaryOperator;

/**
 * A fingerprint of the projections' read models, to compare two versions of them (the live
 * tables and a clean rebuild, say): per table, its row count and an MD5 over all its rows in key
 * order. Equal fingerprints mean equal tables, row for row.
 */
public final class ReadModelFingerprint {

    /** Every table of the projections, with the order that makes its rows comparable. */
    private static final Map<String, String> TABLES = new LinkedHashMap<>();

    static {
        TABLES.put("fkbs", "code");
        TABLES.put("fkb_revisions", "fkb_code, sequence");
        TABLES.put("link_versions", "fkb_code, course_number, sequence");
        TABLES.put("links", "fkb_code, course_number");
        TABLES.put("changes", "event_id");
        TABLES.put("consumer_positions", "topic, partition");
    }

    private ReadModelFingerprint() {
    }

    /**
     * @param schema the schema holding the read models, e.g. {@code projections}
     * @param single runs a query that answers one text value, and returns it
     */
    public static Map<String, String> of(String schema, UnaryOperator<String> single) {
        if (!schema.matches("[a-z_][a-z0-9_]*")) {
            throw new IllegalArgumentException("not a plain schema name: '" + schema + "'");
        }
        var result = new LinkedHashMap<String, String>();
        TABLES.forEach((table, order) -> result.put(table, single.apply(
                "select count(*) || ' rows, md5 ' || coalesce(md5(string_agg(t::text, '|' order by " + order + ")), '-') "
                        + "from " + schema + "." + table + " t")));
        return result;
    }
}
