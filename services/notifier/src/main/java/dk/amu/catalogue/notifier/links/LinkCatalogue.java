package dk.amu.catalogue.notifier.links;

import java.sql.Array;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * The FKBs, courses and EUU codes the notifier knows from the links it holds, as a school picks them
 * for a filter: searched by code or by words of the title, and the titles of codes already picked.
 * A search answers a bounded list, so it stays quick however large the catalogue grows.
 */
@Repository
public class LinkCatalogue {

    /** A code and its title: an FKB, or a course (a course's title as one of its FKBs says it). */
    public record Entry(String code, String title) {
    }

    private final JdbcTemplate jdbc;

    LinkCatalogue(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** FKBs whose code or title contains the text (all when it is blank), by title. */
    public List<Entry> fkbs(String text, int limit) {
        var like = like(text);
        return jdbc.query("select fkb_code, coalesce(title, fkb_code) from notifier.fkbs "
                + "where fkb_code ilike ? or title ilike ? order by lower(coalesce(title, fkb_code)), fkb_code limit ?",
                (row, n) -> new Entry(row.getString(1), row.getString(2)), like, like, limit);
    }

    /** Courses whose number starts with the text or whose title contains it, by number. */
    public List<Entry> courses(String text, int limit) {
        var like = like(text);
        return jdbc.query("select course_number, min(title) from notifier.links where course_number like ? or title ilike ? "
                + "group by course_number order by course_number limit ?",
                (row, n) -> new Entry(row.getString(1), row.getString(2)), like.substring(1), like, limit);
    }

    /** Every EUU code a link has, sorted. */
    public List<String> euuCodes() {
        return jdbc.queryForList("select distinct euu from notifier.links order by euu", String.class);
    }

    /** The titles of these FKBs; a code the notifier does not know is left out. */
    public Map<String, String> fkbTitles(Collection<String> codes) {
        var titles = new HashMap<String, String>();
        if (!codes.isEmpty()) {
            jdbc.query("select fkb_code, title from notifier.fkbs where fkb_code = any(?) and title is not null",
                    row -> {
                        titles.put(row.getString(1), row.getString(2));
                    }, array(codes));
        }
        return titles;
    }

    /** The titles of these courses; a number no link has is left out. */
    public Map<String, String> courseTitles(Collection<String> numbers) {
        var titles = new HashMap<String, String>();
        if (!numbers.isEmpty()) {
            jdbc.query("select course_number, min(title) from notifier.links where course_number = any(?) group by course_number",
                    row -> {
                        titles.put(row.getString(1), row.getString(2));
                    }, array(numbers));
        }
        return titles;
    }

    /** {@code %text%}, with the text's own wildcards taken literally. */
    private static String like(String text) {
        var plain = text == null ? "" : text.strip().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
        return "%" + plain + "%";
    }

    private Array array(Collection<String> values) {
        return jdbc.execute((ConnectionCallback<Array>) c -> c.createArrayOf("text", values.toArray()));
    }
}
