package dk.amu.catalogue.projections.rebuild;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;

import dk.amu.catalogue.eventconsumer.ConsumerPositions;
import dk.amu.catalogue.eventconsumer.EventConsumerFactory;
import dk.amu.catalogue.eventconsumer.PositionedBatches;
import dk.amu.catalogue.events.v1.CatalogueEvent;
import dk.amu.catalogue.projections.consuming.LiveProjection;
import dk.amu.catalogue.projections.consuming.ProjectionStore;
import dk.amu.catalogue.projections.consuming.Projector;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.flywaydb.core.Flyway;
import org.postgresql.ds.PGSimpleDataSource;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The projector replaying the log into a database's {@code projections} schema, resuming from the
 * positions stored there: run as a child JVM that tests kill, and in-process for a clean rebuild.
 *
 * <p>{@code ReplayProcess <jdbcUrl> <user> <bootstrapServers> <registryUrl> <batchSize>}
 */
public final class ReplayProcess {

    private ReplayProcess() {
    }

    public static void main(String[] args) {
        replay(args[0], args[1], args[2], args[3], Integer.parseInt(args[4]));
    }

    /** Replays up to the log's committed end as it is when the replay starts. */
    public static void replay(String jdbcUrl, String user, String bootstrapServers, String registryUrl, int batchSize) {
        var dataSource = new PGSimpleDataSource();
        dataSource.setUrl(jdbcUrl);
        dataSource.setUser(user);
        dataSource.setReWriteBatchedInserts(true);
        Flyway.configure().dataSource(dataSource).schemas(LiveProjection.SCHEMA).defaultSchema(LiveProjection.SCHEMA)
                .createSchemas(true).locations("classpath:db/migration/projections").load().migrate();
        var jdbc = new JdbcTemplate(dataSource);
        var transactions = new TransactionTemplate(new DataSourceTransactionManager(dataSource));
        var kafka = new KafkaProperties();
        kafka.setBootstrapServers(List.of(bootstrapServers));
        var settings = new HashMap<>(EventConsumerFactory.properties(kafka, registryUrl, "projections-replay"));
        settings.remove(ConsumerConfig.GROUP_ID_CONFIG);
        settings.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, batchSize);
        var positions = new ConsumerPositions(jdbc, LiveProjection.SCHEMA);
        try (var consumer = new KafkaConsumer<String, CatalogueEvent>(settings)) {
            var replay = new Replay(consumer, new PositionedBatches(transactions, positions), positions,
                    new Projector(new ProjectionStore(jdbc, LiveProjection.SCHEMA)), Duration.ofMillis(200));
            replay.seekToStored();
            replay.until(replay.end(), applied -> {
            }, skipped -> {
            });
        }
    }
}
