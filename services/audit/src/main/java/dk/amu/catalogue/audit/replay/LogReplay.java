package dk.amu.catalogue.audit.replay;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import org.apache.kafka.clients.consumer.CloseOptions;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.InterruptException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

/**
 * Reads topics from their first offset to the end they had when the replay started, and hands each
 * committed record to a sink as it arrives. Nothing is kept: memory is one fetch, whatever the size
 * of the log. Each replay has its own consumer, without a group, closed when the replay ends or
 * the sink throws.
 */
public final class LogReplay {

    private static final Duration POLL = Duration.ofMillis(200);

    private static final Duration CLOSE = Duration.ofSeconds(1);

    private final Map<String, Object> consumerSettings;

    private final Duration timeout;

    private final AtomicInteger active = new AtomicInteger();

    private final AtomicLong abandoned = new AtomicLong();

    /**
     * @param consumerSettings a read_committed consumer's settings without a group; deserializers are set here
     * @param timeout          how long Kafka may stay silent (metadata, offsets, or no progress) before it counts as unreachable
     */
    public LogReplay(Map<String, Object> consumerSettings, Duration timeout) {
        this.consumerSettings = new HashMap<>(consumerSettings);
        this.timeout = timeout;
    }

    /** Replays one topic. */
    public void replay(String topic, RecordSink sink, Progress progress) throws IOException {
        replay(List.of(topic), sink, progress);
    }

    /**
     * Replays topics one after the other. Their ends are all taken at the start, in one request, so
     * that topics a transaction writes together (events and snapshots) are read to the same moment.
     */
    public void replay(List<String> topics, RecordSink sink, Progress progress) throws IOException {
        active.incrementAndGet();
        try {
            replayWithOwnConsumer(topics, sink, progress);
        }
        catch (IOException | InterruptException ex) {
            // a write that failed or a thread interrupted: either way the one who asked is gone
            abandoned.incrementAndGet();
            throw ex;
        }
        finally {
            active.decrementAndGet();
        }
    }

    /** Replays running now, each with its own consumer. */
    public int activeReplays() {
        return active.get();
    }

    /** Replays stopped because their sink could not write or their thread was interrupted (an HTTP client that went away). */
    public long abandonedReplays() {
        return abandoned.get();
    }

    private void replayWithOwnConsumer(List<String> topics, RecordSink sink, Progress progress) throws IOException {
        Consumer<byte[], byte[]> consumer = new KafkaConsumer<>(consumerSettings, new ByteArrayDeserializer(),
                new ByteArrayDeserializer());
        try {
            var partitions = new ArrayList<TopicPartition>();
            for (var topic : topics) {
                partitions.addAll(partitionsOf(consumer, topic));
            }
            Map<TopicPartition, Long> ends;
            Map<TopicPartition, Long> beginnings;
            try {
                ends = consumer.endOffsets(partitions, timeout);
                beginnings = consumer.beginningOffsets(partitions, timeout);
            }
            catch (KafkaException ex) {
                throw unreachable("cannot read the offsets of " + topics, ex);
            }
            long total = 0;
            for (var partition : partitions) {
                total += ends.get(partition) - beginnings.get(partition);
            }
            var position = new Position(progress, total);
            for (var topic : topics) {
                var own = partitions.stream().filter(p -> p.topic().equals(topic)).toList();
                readToEnd(consumer, own, ends, beginnings, sink, position);
            }
        }
        finally {
            // an interrupted thread (the web layer cancels the export of a client that left) cannot close the
            // consumer's fetch sessions cleanly: close first, then keep the interrupt for the caller
            boolean interrupted = Thread.interrupted();
            try {
                // a consumer without a group has nothing to hand over: do not wait for a broker that may be gone
                consumer.close(CloseOptions.timeout(CLOSE));
            }
            finally {
                if (interrupted) {
                    Thread.currentThread().interrupt();
                }
            }
        }
    }

    private void readToEnd(Consumer<byte[], byte[]> consumer, List<TopicPartition> partitions,
            Map<TopicPartition, Long> ends, Map<TopicPartition, Long> beginnings, RecordSink sink, Position position)
            throws IOException {
        var open = new ArrayList<TopicPartition>();
        for (var partition : partitions) {
            if (ends.get(partition) > beginnings.get(partition)) {
                open.add(partition);
            }
        }
        var assigned = List.copyOf(open);
        consumer.assign(assigned);
        consumer.seekToBeginning(assigned);
        long lastProgress = System.nanoTime();
        try (var handoff = new Handoff(sink)) {
            while (!open.isEmpty()) {
                var records = consumer.poll(POLL);
                var batch = new ArrayList<RawRecord>(records.count());
                for (var partition : records.partitions()) {
                    long end = ends.get(partition);
                    for (ConsumerRecord<byte[], byte[]> record : records.records(partition)) {
                        if (record.offset() < end) {
                            batch.add(new RawRecord(record.topic(), record.partition(), record.offset(), record.key(),
                                    record.value()));
                        }
                    }
                }
                handoff.put(batch);
                lastProgress = readOn(consumer, open, ends, records.isEmpty(), lastProgress);
                position.report(consumer, assigned, beginnings);
            }
            handoff.finish();
        }
        position.finished(assigned, ends, beginnings);
    }

    /** Whether Kafka went silent for too long; the partitions that reached their end are paused. */
    private long readOn(Consumer<byte[], byte[]> consumer, List<TopicPartition> open, Map<TopicPartition, Long> ends,
            boolean empty, long lastProgress) {
        if (!empty) {
            lastProgress = System.nanoTime();
        }
        else if (System.nanoTime() - lastProgress > timeout.toNanos()) {
            throw unreachable("no records arrived for " + timeout.toSeconds() + " s while replaying " + open, null);
        }
        // the end is reached by position, not by the last record seen: read_committed skips markers and aborted records
        var done = new ArrayList<TopicPartition>();
        for (var partition : open) {
            if (consumer.position(partition, timeout) >= ends.get(partition)) {
                done.add(partition);
            }
        }
        if (!done.isEmpty()) {
            open.removeAll(done);
            consumer.pause(done);
        }
        return lastProgress;
    }

    private List<TopicPartition> partitionsOf(Consumer<byte[], byte[]> consumer, String topic) {
        List<PartitionInfo> infos;
        try {
            infos = consumer.partitionsFor(topic, timeout);
        }
        catch (KafkaException ex) {
            throw unreachable("cannot reach Kafka at " + bootstrapServers() + " to read " + topic, ex);
        }
        if (infos == null || infos.isEmpty()) {
            throw unreachable("topic " + topic + " does not exist on Kafka at " + bootstrapServers(), null);
        }
        return infos.stream().map(info -> new TopicPartition(info.topic(), info.partition())).toList();
    }

    private String bootstrapServers() {
        var servers = consumerSettings.get(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG);
        return servers instanceof List<?> list ? String.join(",", list.stream().map(String::valueOf).toList())
                : String.valueOf(servers);
    }

    private KafkaUnavailableException unreachable(String message, Exception cause) {
        return new KafkaUnavailableException(message + (cause == null ? "" : ": " + cause.getMessage()), cause);
    }

    /** Offsets passed over all topics read so far, for the progress listener. */
    private static final class Position {

        private final Progress progress;

        private final long total;

        private long finished;

        Position(Progress progress, long total) {
            this.progress = progress;
            this.total = total;
        }

        void report(Consumer<byte[], byte[]> consumer, List<TopicPartition> partitions, Map<TopicPartition, Long> beginnings) {
            if (progress == Progress.NONE) {
                return;
            }
            long read = finished;
            for (var partition : partitions) {
                read += consumer.position(partition) - beginnings.get(partition);
            }
            progress.advanced(Math.min(read, total), total);
        }

        void finished(List<TopicPartition> partitions, Map<TopicPartition, Long> ends, Map<TopicPartition, Long> beginnings) {
            for (var partition : partitions) {
                finished += ends.get(partition) - beginnings.get(partition);
            }
        }
    }
}
