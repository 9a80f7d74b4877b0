package dk.amu.catalogue.projections.consuming;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import dk.amu.catalogue.eventlog.CatalogueTopics;
import dk.amu.catalogue.eventlog.EventDraft;
import dk.amu.catalogue.events.v1.CourseLinkEndWithdrawn;
import dk.amu.catalogue.projections.ProjectionsTest;
import dk.amu.catalogue.projections.support.Api;
import dk.amu.catalogue.projections.support.PrefixedCatalogue;
import dk.amu.catalogue.testkit.CatalogueInfrastructure;
import dk.amu.catalogue.testkit.EventLogWriter;
import io.micrometer.core.instrument.MeterRegistry;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A record that cannot be decoded, or decoded but not applied, goes to {@code projections.dead-letters}
 * with its original bytes and origin headers; every other record is applied, and the count shows
 * in the metric and in health.
 */
@ProjectionsTest
class DeadLetterTests {

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    MeterRegistry meters;

    @Test
    void shouldParkTheOneCorruptRecordAmong10000AndApplyTheOther9999() {
        var before = deadLettersCounted();
        var poison = ("not an Avro record " + UUID.randomUUID()).getBytes(StandardCharsets.UTF_8);
        var events = new PrefixedCatalogue("poison-", 7, 20, 9_999);
        try (var writer = EventLogWriter.forRunning()) {
            writer.write(limit(events, 5_000), 1_000);
            writer.writePoison(CatalogueTopics.EVENTS, "poison-synthetic-0001", poison);
            writer.write(events, 1_000);
        }

        await().atMost(Duration.ofSeconds(60)).untilAsserted(() ->
                assertThat(count("poison-%")).isEqualTo(9_999));
        var parked = deadLetters(poison);
        assertThat(parked).hasSize(1);
        var letter = parked.get(0);
        assertThat(letter.value()).isEqualTo(poison);
        assertThat(header(letter, "kafka_dlt-original-topic")).isEqualTo(CatalogueTopics.EVENTS);
        assertThat(letter.headers().lastHeader("kafka_dlt-original-partition")).isNotNull();
        assertThat(letter.headers().lastHeader("kafka_dlt-original-offset")).isNotNull();
        assertThat(header(letter, "kafka_dlt-exception-fqcn")).contains("DeserializationException");
        assertThat(deadLettersCounted()).isEqualTo(before + 1);
        var health = new Api(port).get("/actuator/health").body();
        assertThat(health.get("components").get("consumer").get("details").get("deadLetters").asLong()).isGreaterThanOrEqualTo(1);
    }

    @Test
    void shouldParkAnEventThatCannotBeAppliedAndApplyTheRest() {
        var before = deadLettersCounted();
        try (var writer = EventLogWriter.forRunning()) {
            writer.write(new PrefixedCatalogue("unappliable-", 8, 2, 100), 100);
            // an end withdrawn from a course this FKB never linked: decodable, but no link to change
            writer.append("unappliable-orphan", Instant.parse("2025-01-01T10:00:00Z"),
                    new EventDraft(new CourseLinkEndWithdrawn("99998", "Ukendt kursus", LocalDate.of(2025, 6, 30)),
                            LocalDate.of(2025, 1, 1)));
            writer.write(new PrefixedCatalogue("unappliable-after-", 9, 2, 100), 100);
        }
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
            assertThat(count("unappliable-synthetic-%")).isEqualTo(100);
            assertThat(count("unappliable-after-%")).isEqualTo(100);
            assertThat(deadLettersCounted()).isEqualTo(before + 1);
        });
        assertThat(count("unappliable-orphan")).isZero();
    }

    private long count(String fkbPattern) {
        return jdbc.sql("select count(*) from projections.changes where fkb_code like ?").param(fkbPattern)
                .query(Long.class).single();
    }

    private double deadLettersCounted() {
        var counter = meters.find("catalogue.consumer.dead.letters").counter();
        return counter == null ? 0 : counter.count();
    }

    private static List<ConsumerRecord<String, byte[]>> deadLetters(byte[] value) {
        var running = CatalogueInfrastructure.running();
        var found = new ArrayList<ConsumerRecord<String, byte[]>>();
        try (var consumer = new KafkaConsumer<String, byte[]>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, running.bootstrapServers(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"), new StringDeserializer(), new ByteArrayDeserializer())) {
            var partition = new TopicPartition(CatalogueTopics.deadLetters("projections"), 0);
            consumer.assign(List.of(partition));
            consumer.seekToBeginning(List.of(partition));
            var end = consumer.endOffsets(List.of(partition)).get(partition);
            while (consumer.position(partition) < end) {
                consumer.poll(Duration.ofMillis(500)).forEach(record -> {
                    if (Arrays.equals(record.value(), value)) {
                        found.add(record);
                    }
                });
            }
        }
        return found;
    }

    private static String header(ConsumerRecord<?, ?> record, String name) {
        var header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    private static <T> Iterator<T> limit(Iterator<T> source, int count) {
        return new Iterator<>() {

            int taken;

            @Override
            public boolean hasNext() {
                return taken < count && source.hasNext();
            }

            @Override
            public T next() {
                taken++;
                return source.next();
            }
        };
    }
}
