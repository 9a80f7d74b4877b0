package dk.amu.catalogue.eventconsumer;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;

import dk.amu.catalogue.eventlog.CatalogueTopics;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.MemberToRemove;
import org.apache.kafka.clients.admin.RemoveMembersFromConsumerGroupOptions;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.context.SmartLifecycle;
import org.springframework.kafka.listener.AbstractMessageListenerContainer;

/**
 * Static group membership for the listener containers' consumers, when the operator names the
 * instance ({@code catalogue.instance-id}, CATALOGUE_INSTANCE_ID; the standalone names each service
 * after itself). A static member that dies is not waited out: its successor with the same
 * {@code group.instance.id} takes its partitions back at once instead of after the session timeout.
 *
 * <p>A static member that stops does not leave its group either, so its partitions would wait for the
 * session timeout. An instance that stops cleanly therefore removes its members from the group once its
 * listener containers have stopped, and the other instances take the partitions at once. A rebuild that
 * stops and starts the container keeps the membership: it is the same instance coming back.
 *
 * <p>Spring Kafka suffixes the id per consumer ({@code -0}, {@code -1}, ...) when a container runs several.
 */
final class StaticMembership implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(StaticMembership.class);

    private static final Duration LEAVE_TIMEOUT = Duration.ofSeconds(3);

    private final String group;

    private final String instanceId;

    private final KafkaProperties kafka;

    private volatile boolean running;

    StaticMembership(KafkaProperties kafka, String service, String instanceId) {
        this.kafka = kafka;
        this.group = CatalogueTopics.consumerGroup(service);
        this.instanceId = instanceId;
    }

    /** The listener consumers' extra settings: none without an instance id. */
    Map<String, Object> consumerProperties() {
        return instanceId == null || instanceId.isBlank() ? Map.of()
                : Map.of(ConsumerConfig.GROUP_INSTANCE_ID_CONFIG, instanceId);
    }

    boolean isStatic() {
        return !consumerProperties().isEmpty();
    }

    @Override
    public void start() {
        running = true;
    }

    @Override
    public void stop() {
        running = false;
        if (isStatic()) {
            leave();
        }
    }

    private void leave() {
        var settings = new HashMap<>(kafka.buildAdminProperties());
        settings.put(AdminClientConfig.CLIENT_ID_CONFIG, group + "-leave");
        settings.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, (int) LEAVE_TIMEOUT.toMillis());
        settings.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, (int) LEAVE_TIMEOUT.toMillis());
        var ours = Pattern.compile(Pattern.quote(instanceId) + "(-\\d+)?");
        try (var admin = Admin.create(settings)) {
            var members = admin.describeConsumerGroups(List.of(group)).describedGroups().get(group)
                    .get(LEAVE_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS).members().stream()
                    .flatMap(member -> member.groupInstanceId().stream())
                    .filter(id -> ours.matcher(id).matches())
                    .map(MemberToRemove::new)
                    .toList();
            if (!members.isEmpty()) {
                admin.removeMembersFromConsumerGroup(group, new RemoveMembersFromConsumerGroupOptions(members)).all()
                        .get(LEAVE_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
                log.info("Left consumer group {} as {}: its partitions go to the other instances now", group, instanceId);
            }
        }
        catch (Exception ex) {
            if (ex instanceof InterruptedException) {
                Thread.currentThread().interrupt();
            }
            // the partitions then move after the session timeout, as they would for a crash
            log.warn("Could not leave consumer group {} as {}: {}", group, instanceId, ex.toString());
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    /** Stops after the listener containers (a lower phase stops later): a member leaves once it no longer consumes. */
    @Override
    public int getPhase() {
        return AbstractMessageListenerContainer.DEFAULT_PHASE - 1;
    }
}
