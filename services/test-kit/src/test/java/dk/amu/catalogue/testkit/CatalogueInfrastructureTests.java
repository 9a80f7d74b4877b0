package dk.amu.catalogue.testkit;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.awaitility.Awaitility.await;

import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import dk.amu.catalogue.eventlog.CatalogueTopics;
import dk.amu.catalogue.eventlog.ChainCheck;
import dk.amu.catalogue.eventlog.WrittenEvents;
import dk.amu.catalogue.events.v1.CatalogueEvent;

@ExtendWith(CatalogueInfrastructure.class)
class CatalogueInfrastructureTests {

    @Test
    void shouldWriteChainsThatAnIndependentReaderVerifiesAndAPoisonRecordBesideThem() throws Exception {
        var running = CatalogueInfrastructure.running();
        try (var writer = EventLogWriter.forRunning()) {
            writer.write(new SyntheticCatalogue(3, 4, 400, Instant.parse("2025-01-01T00:00:00Z")), 100);
            writer.writePoison(CatalogueTopics.EVENTS, "synthetic-0000", "not avro".getBytes(UTF_8));

            var check = new ChainCheck();
            var findings = new ArrayList<ChainCheck.Finding>();
            var poison = new AtomicInteger();
            var read = new AtomicInteger();
            String group = "test-kit-reader";
            try (var consumer = consumer(running.bootstrapServers(), group)) {
                consumer.subscribe(List.of(CatalogueTopics.EVENTS));
                await().atMost(Duration.ofSeconds(60)).until(() -> {
                    for (var record : consumer.poll(Duration.ofMillis(200))) {
                        read.incrementAndGet();
                        if (record.value()[0] != 0) {
                            poison.incrementAndGet();
                            continue;
                        }
                        var event = WrittenEvents.decode(record.value(), 5, record.value().length - 5,
                                CatalogueEvent.getClassSchema());
                        check.accept(new ChainCheck.Observed(event.get("fkbCode").toString(), (Long) event.get("sequence"),
                                event.get("previousHash").toString(), event.get("hash").toString(),
                                event.get("eventId").toString(), WrittenEvents.hashOf(event), WrittenEvents.eventIdOf(event)))
                                .ifPresent(findings::add);
                    }
                    return read.get() == 401;
                });
                // the position past the last commit marker, as a Spring consumer with fixTxOffsets commits it
                consumer.commitSync(consumer.assignment().stream()
                        .collect(Collectors.toMap(p -> p, p -> new OffsetAndMetadata(consumer.position(p)))));
            }
            ConsumerGroups.awaitCaughtUp(running.bootstrapServers(), group, CatalogueTopics.EVENTS, Duration.ofSeconds(30));

            assertThat(findings).isEmpty();
            assertThat(poison.get()).isEqualTo(1);
            assertThat(check.heads()).hasSize(4).isEqualTo(writer.heads());
        }
    }

    @Test
    void shouldStopAndStartTheDatabaseKeepingItsData() throws Exception {
        var database = CatalogueInfrastructure.running().database();
        execute(database.jdbcUrl(), "create table if not exists kit_probe(id int); insert into kit_probe values (1)");

        database.stop();
        assertThatExceptionOfType(SQLException.class).isThrownBy(() -> execute(database.jdbcUrl(), "select 1"));
        database.start();

        assertThat(Optional.of(count(database.jdbcUrl()))).contains(1L);
    }

    private static KafkaConsumer<String, byte[]> consumer(String bootstrapServers, String group) {
        return new KafkaConsumer<>(Map.<String, Object>of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ConsumerConfig.GROUP_ID_CONFIG, group,
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false,
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed"), new StringDeserializer(), new ByteArrayDeserializer());
    }

    private static void execute(String url, String sql) throws SQLException {
        try (var connection = DriverManager.getConnection(url, "postgres", "")) {
            connection.createStatement().execute(sql);
        }
    }

    private static long count(String url) throws SQLException {
        try (var connection = DriverManager.getConnection(url, "postgres", "");
                var result = connection.createStatement().executeQuery("select count(*) from kit_probe")) {
            result.next();
            return result.getLong(1);
        }
    }
}
