package dk.amu.catalogue.eventconsumer;

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

/**
 * How far a consumer service trails the log: the committed end of each partition minus the group's
 * committed offset. The group offset is committed right after the database transaction of each
 * batch, past transaction markers, so it is what monitoring tools see too; the position that
 * decides where consuming resumes is the one in the database.
 */
public final class ConsumerLag implements DisposableBean {

    private static final Duration TIMEOUT = Duration.ofSeconds(3);

    private final Admin admin;

    private final AtomicLong last = new AtomicLong(-1);

    private final String group;

    ConsumerLag(KafkaProperties kafka, MeterRegistry meters, String service) {
        this.group = CatalogueTopics.consumerGroup(service);
        var settings = new HashMap<>(kafka.buildAdminProperties());
        settings.put(AdminClientConfig.CLIENT_ID_CONFIG, service + "-lag");
        settings.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, (int) TIMEOUT.toMillis());
        settings.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, (int) TIMEOUT.toMillis());
        this.admin = Admin.create(settings);
        Gauge.builder("catalogue.consumer.lag", last::get)
                .description("events on the log the service has not applied yet; -1 while unknown")
                .tag("service", service)
                .register(meters);
    }

    /** The lag per partition now; throws when Kafka cannot be asked. */
    public Map<TopicPartition, Long> measure() throws ExecutionException, InterruptedException, TimeoutException {
        var description = admin.describeTopics(List.of(CatalogueTopics.EVENTS)).allTopicNames()
                .get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS).get(CatalogueTopics.EVENTS);
        var request = new HashMap<TopicPartition, OffsetSpec>();
        partitions(description).forEach(partition -> request.put(partition, OffsetSpec.latest()));
        var ends = admin.listOffsets(request, new ListOffsetsOptions(IsolationLevel.READ_COMMITTED)).all()
                .get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        var committed = admin.listConsumerGroupOffsets(group)
                .partitionsToOffsetAndMetadata().get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        var lag = new HashMap<TopicPartition, Long>();
        ends.forEach((partition, end) -> {
            var offset = committed.get(partition);
            lag.put(partition, Math.max(0, end.offset() - (offset == null ? 0 : offset.offset())));
        });
        last.set(lag.values().stream().mapToLong(Long::longValue).sum());
        return lag;
    }

    /** The last measured total, for the gauge; -1 before the first measurement. */
    public long lastTotal() {
        return last.get();
    }

    /** Where the service enables scheduling; the health check measures too. */
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
