package dk.amu.catalogue.standalone.scaleout;

import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.jdbc.core.JdbcTemplate;

/** A fingerprint of the projections' read models, to compare two versions of them by. */
final class ReadModels {

    /** Every table of the read models, with the order that makes its rows comparable. */
    private static final Map<String, String> TABLES = new LinkedHashMap<>();

    static {
        TABLES.put("fkbs", "code");
        TABLES.put("fkb_revisions", "fkb_code, sequence");
        TABLES.put("link_versions", "fkb_code, course_number, sequence");
        TABLES.put("links", "fkb_code, course_number");
        TABLES.put("changes", "event_id");
        TABLES.put("consumer_positions", "topic, partition");
    }

    private ReadModels() {
    }

    /** Per table: its row count and an MD5 over all its rows in key order. */
    static Map<String, String> fingerprint(JdbcTemplate jdbc) {
        var result = new LinkedHashMap<String, String>();
        TABLES.forEach((table, order) -> result.put(table, jdbc.queryForObject(
                "select count(*) || ' rows, md5 ' || coalesce(md5(string_agg(t::text, '|' order by " + order + ")), '-') "
                        + "from projections." + table + " t", String.class)));
        return result;
    }
}
