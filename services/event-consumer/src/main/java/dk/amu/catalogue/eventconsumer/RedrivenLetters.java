package dk.amu.catalogue.eventconsumer;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.regex.Pattern;

import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Which of the events topic's records a redrive has applied, kept in the service's database beside its
 * positions, so a dead letter is listed as redriven and never applied twice. Keyed by the record's
 * origin, not by its place in the dead-letter topic: a record parked twice is still one record. The
 * table belongs to the service's migrations:
 *
 * <pre>
 * create table dead_letters_redriven (origin_topic text not null, origin_partition int not null,
 *                                     origin_offset bigint not null, redriven_at timestamptz not null,
 *                                     primary key (origin_topic, origin_partition, origin_offset));
 * </pre>
 */
final class RedrivenLetters {

    private static final Pattern IDENTIFIER = Pattern.compile("[a-z_][a-z0-9_]*");

    record Origin(String topic, int partition, long offset) {
    }

    private final JdbcTemplate jdbc;

    private final String table;

    RedrivenLetters(JdbcTemplate jdbc, String schema) {
        if (!IDENTIFIER.matcher(schema).matches()) {
            throw new IllegalArgumentException("not a plain schema name: '" + schema + "'");
        }
        this.jdbc = jdbc;
        this.table = schema + ".dead_letters_redriven";
    }

    Map<Origin, Instant> all() {
        var result = new HashMap<Origin, Instant>();
        jdbc.query("select origin_topic, origin_partition, origin_offset, redriven_at from " + table, row -> {
            result.put(new Origin(row.getString(1), row.getInt(2), row.getLong(3)), row.getTimestamp(4).toInstant());
        });
        return result;
    }

    /** Records them as redriven at {@code at}; one recorded before keeps its first time. */
    void record(Collection<Origin> origins, Instant at) {
        var rows = new ArrayList<Object[]>();
        origins.forEach(o -> rows.add(new Object[] { o.topic(), o.partition(), o.offset(), Timestamp.from(at) }));
        jdbc.batchUpdate("insert into " + table + " (origin_topic, origin_partition, origin_offset, redriven_at) "
                + "values (?, ?, ?, ?) on conflict do nothing", rows);
    }
}
