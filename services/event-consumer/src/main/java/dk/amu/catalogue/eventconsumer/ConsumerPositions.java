package dk.amu.catalogue.eventconsumer;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.regex.Pattern;

import org.apache.kafka.common.TopicPartition;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The consumer's position per partition, kept in the service's database so that it commits in the
 * same transaction as the changes the records caused (the "storing offsets outside Kafka" pattern
 * of the {@code KafkaConsumer} javadoc). The table belongs to the service's migrations:
 *
 * <pre>
 * create table consumer_positions (topic text not null, partition int not null, next_offset bigint not null,
 *                                  primary key (topic, partition));
 * </pre>
 *
 * Called inside the caller's transaction: the {@link JdbcTemplate} joins it.
 */
public final class ConsumerPositions {

    private static final Pattern IDENTIFIER = Pattern.compile("[a-z_][a-z0-9_]*");

    private final JdbcTemplate jdbc;

    private final String table;

    /** @param schema the service's database schema, e.g. {@code projections} */
    public ConsumerPositions(JdbcTemplate jdbc, String schema) {
        if (!IDENTIFIER.matcher(schema).matches()) {
            throw new IllegalArgumentException("not a plain schema name: '" + schema + "'");
        }
        this.jdbc = jdbc;
        this.table = schema + ".consumer_positions";
    }

    /** The offset of the next record to apply, per partition; partitions never applied are absent. */
    public Map<TopicPartition, Long> stored(Collection<TopicPartition> partitions) {
        var wanted = new HashSet<>(partitions);
        var result = new HashMap<TopicPartition, Long>();
        jdbc.query("select topic, partition, next_offset from " + table, row -> {
            var partition = new TopicPartition(row.getString(1), row.getInt(2));
            if (wanted.contains(partition)) {
                result.put(partition, row.getLong(3));
            }
        });
        return result;
    }

    /** Every stored position. */
    public Map<TopicPartition, Long> all() {
        var result = new HashMap<TopicPartition, Long>();
        jdbc.query("select topic, partition, next_offset from " + table,
                row -> {
                    result.put(new TopicPartition(row.getString(1), row.getInt(2)), row.getLong(3));
                });
        return result;
    }

    /** Records these positions; a position never moves back, so a late duplicate cannot rewind it. */
    public void store(Map<TopicPartition, Long> nextOffsets) {
        var rows = new ArrayList<Object[]>();
        nextOffsets.forEach((partition, next) -> rows.add(new Object[] { partition.topic(), partition.partition(), next }));
        jdbc.batchUpdate("insert into " + table + " (topic, partition, next_offset) values (?, ?, ?) "
                + "on conflict (topic, partition) do update set next_offset = greatest(" + table
                + ".next_offset, excluded.next_offset)", rows);
    }

    public void store(TopicPartition partition, long nextOffset) {
        store(Map.of(partition, nextOffset));
    }
}
