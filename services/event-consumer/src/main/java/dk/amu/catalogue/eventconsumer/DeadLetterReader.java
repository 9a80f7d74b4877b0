package dk.amu.catalogue.eventconsumer;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;

import dk.amu.catalogue.eventlog.CatalogueTopics;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.kafka.support.KafkaHeaders;

/**
 * Reads a service's {@code <service>.dead-letters} with a plain consumer: assigned partitions, no group
 * (looking never moves anyone's offsets), committed records only, from the beginning or a given offset,
 * and never more than asked for. Dead letters are rarely read, so each read opens its own consumer.
 */
final class DeadLetterReader {

    /** A read that takes longer than this has lost the broker; the operator is told rather than kept waiting. */
    private static final Duration DEADLINE = Duration.ofSeconds(15);

    private static final Duration POLL = Duration.ofMillis(200);

    private final Map<String, Object> settings;

    private final String topic;

    DeadLetterReader(KafkaProperties kafka, String service) {
        var props = new HashMap<>(kafka.buildConsumerProperties());
        props.remove(ConsumerConfig.GROUP_ID_CONFIG);
        props.remove(ConsumerConfig.GROUP_INSTANCE_ID_CONFIG);
        props.put(ConsumerConfig.CLIENT_ID_CONFIG, service + "-dead-letter-reader");
        props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        // an operator waits on this, not a minute
        props.put(ConsumerConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, (int) DEADLINE.toMillis());
        this.settings = Map.copyOf(props);
        this.topic = CatalogueTopics.deadLetters(service);
    }

    String topic() {
        return topic;
    }

    /** Up to {@code limit} letters of each partition from {@code from} on, in partition and offset order. */
    List<ConsumerRecord<String, byte[]>> read(long from, int limit) {
        return scan(from, limit, record -> true);
    }

    /** Every letter the predicate keeps; what it drops is not held. */
    List<ConsumerRecord<String, byte[]>> all(Predicate<ConsumerRecord<String, byte[]>> keep) {
        return scan(0, Integer.MAX_VALUE, keep);
    }

    Optional<ConsumerRecord<String, byte[]>> at(int partition, long offset) {
        try (var consumer = consumer()) {
            var wanted = new TopicPartition(topic, partition);
            if (!partitions(consumer).contains(wanted)) {
                return Optional.empty();
            }
            consumer.assign(List.of(wanted));
            var end = consumer.endOffsets(List.of(wanted)).get(wanted);
            if (offset < 0 || offset >= end) {
                return Optional.empty();
            }
            consumer.seek(wanted, offset);
            var deadline = Instant.now().plus(DEADLINE);
            while (consumer.position(wanted) <= offset) {
                for (var record : consumer.poll(POLL)) {
                    if (record.offset() == offset) {
                        return Optional.of(record);
                    }
                }
                checkDeadline(deadline);
            }
            // the offset holds a transaction marker or an aborted record
            return Optional.empty();
        }
    }

    private List<ConsumerRecord<String, byte[]>> scan(long from, int limit, Predicate<ConsumerRecord<String, byte[]>> keep) {
        var result = new ArrayList<ConsumerRecord<String, byte[]>>();
        try (var consumer = consumer()) {
            for (var partition : partitions(consumer)) {
                consumer.assign(List.of(partition));
                var end = consumer.endOffsets(List.of(partition)).get(partition);
                consumer.seek(partition, Math.max(0, from));
                var deadline = Instant.now().plus(DEADLINE);
                int taken = 0;
                while (taken < limit && consumer.position(partition) < end) {
                    for (var record : consumer.poll(POLL)) {
                        if (taken < limit && record.offset() < end && keep.test(record)) {
                            result.add(record);
                            taken++;
                        }
                    }
                    checkDeadline(deadline);
                }
            }
        }
        result.sort(Comparator.<ConsumerRecord<String, byte[]>>comparingInt(ConsumerRecord::partition)
                .thenComparingLong(ConsumerRecord::offset));
        return result;
    }

    private List<TopicPartition> partitions(KafkaConsumer<String, byte[]> consumer) {
        var infos = consumer.partitionsFor(topic);
        return infos == null ? List.of()
                : infos.stream().map(info -> new TopicPartition(topic, info.partition()))
                        .sorted(Comparator.comparingInt(TopicPartition::partition)).toList();
    }

    private KafkaConsumer<String, byte[]> consumer() {
        return new KafkaConsumer<>(settings, new StringDeserializer(), new ByteArrayDeserializer());
    }

    private void checkDeadline(Instant deadline) {
        if (Instant.now().isAfter(deadline)) {
            throw new DeadLettersUnavailableException("could not read " + topic + " within " + DEADLINE.toSeconds()
                    + " s: is Kafka reachable?", null);
        }
    }

    /** The operator's view of a dead-letter record, from Spring's origin headers. */
    static DeadLetter letter(ConsumerRecord<String, byte[]> record, Instant redrivenAt) {
        var root = rootCause(text(record, KafkaHeaders.DLT_EXCEPTION_STACKTRACE));
        var cause = root != null ? root[0] : text(record, KafkaHeaders.DLT_EXCEPTION_CAUSE_FQCN);
        return new DeadLetter(record.partition(), record.offset(), text(record, KafkaHeaders.DLT_ORIGINAL_TOPIC),
                (int) number(record, KafkaHeaders.DLT_ORIGINAL_PARTITION), number(record, KafkaHeaders.DLT_ORIGINAL_OFFSET),
                record.key(), cause != null ? cause : text(record, KafkaHeaders.DLT_EXCEPTION_FQCN),
                root != null ? root[1] : text(record, KafkaHeaders.DLT_EXCEPTION_MESSAGE),
                Instant.ofEpochMilli(record.timestamp()), redrivenAt);
    }

    /**
     * The innermost cause's class and first line of message, from the stack trace Spring writes: the
     * exception it names itself is a wrapper ("failed to deserialize"), the cause says what to fix.
     */
    static String[] rootCause(String stackTrace) {
        if (stackTrace == null) {
            return null;
        }
        String last = null;
        for (var line : stackTrace.split("\\R")) {
            if (line.startsWith("Caused by: ")) {
                last = line.substring("Caused by: ".length());
            }
        }
        if (last == null) {
            return null;
        }
        var colon = last.indexOf(": ");
        return colon < 0 ? new String[] { last.strip(), "" }
                : new String[] { last.substring(0, colon), last.substring(colon + 2).strip() };
    }

    private static String text(ConsumerRecord<?, ?> record, String name) {
        var header = record.headers().lastHeader(name);
        return header == null || header.value() == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    /** Spring writes the origin partition as 4 bytes and the offset as 8, big-endian; -1 when absent. */
    private static long number(ConsumerRecord<?, ?> record, String name) {
        var header = record.headers().lastHeader(name);
        if (header == null || header.value() == null) {
            return -1;
        }
        var value = ByteBuffer.wrap(header.value());
        return switch (header.value().length) {
            case Integer.BYTES -> value.getInt();
            case Long.BYTES -> value.getLong();
            default -> -1;
        };
    }
}
