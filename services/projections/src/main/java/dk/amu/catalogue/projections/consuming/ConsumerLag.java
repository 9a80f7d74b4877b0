package dk.amu.catalogue.projections.consuming;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;

import dk.amu.catalogue.eventlog.CatalogueTopics;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ListOffsetsOptions;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.IsolationLevel;
import org.apache.kafka.common.TopicPartition;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * How far the read models trail the log: the committed end of each partition minus the position
 * stored in the database. Measured against the database, not the group offsets, because the
 * database position is the one that counts.
 */
@Component
public class ConsumerLag implements DisposableBean {

    private static final Duration TIMEOUT = Duration.ofSeconds(3);

    private final Admin admin;

    private final LiveProjection live;

    private final AtomicLong last = new AtomicLong(-1);

    ConsumerLag(KafkaProperties kafka, LiveProjection live, MeterRegistry meters) {
        var settings = new HashMap<>(kafka.buildAdminProperties());
        settings.put(AdminClientConfig.CLIENT_ID_CONFIG, "projections-lag");
        settings.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, (int) TIMEOUT.toMillis());
        settings.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, (int) TIMEOUT.toMillis());
        this.admin = Admin.create(settings);
        this.live = live;
        Gauge.builder("catalogue.consumer.lag", last::get)
                .description("events on the log the read models have not applied yet; -1 while unknown")
                .tag("service", "projections")
                .register(meters);
    }

    /** The lag per partition now; throws when Kafka or the database cannot be asked. */
    public Map<TopicPartition, Long> measure() throws ExecutionException, InterruptedException, TimeoutException {
        var description = admin.describeTopics(List.of(CatalogueTopics.EVENTS)).allTopicNames()
                .get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS).get(CatalogueTopics.EVENTS);
        var request = new HashMap<TopicPartition, OffsetSpec>();
        partitions(description).forEach(partition -> request.put(partition, OffsetSpec.latest()));
        var ends = admin.listOffsets(request, new ListOffsetsOptions(IsolationLevel.READ_COMMITTED)).all()
                .get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        var stored = live.positions().all();
        var lag = new HashMap<TopicPartition, Long>();
        ends.forEach((partition, end) -> lag.put(partition, Math.max(0, end.offset() - stored.getOrDefault(partition, 0L))));
        last.set(lag.values().stream().mapToLong(Long::longValue).sum());
        return lag;
    }

    /** The last measured total, for the gauge; -1 before the first measurement. */
    public long lastTotal() {
        return last.get();
    }

    @Scheduled(fixedDelayString = "5s")
    void refresh() {
        try {
            measure();
        }
        catch (Exception ex) {
            if (ex instanceof InterruptedException) {
                Thread.currentThread().interrupt();
            }
            last.set(-1);
        }
    }

    private static List<TopicPartition> partitions(TopicDescription description) {
        return description.partitions().stream()
                .map(info -> new TopicPartition(description.name(), info.partition()))
                .toList();
    }

    @Override
    public void destroy() {
        admin.close(Duration.ofSeconds(1));
    }
}
