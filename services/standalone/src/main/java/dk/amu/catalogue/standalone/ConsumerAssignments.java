package dk.amu.catalogue.standalone;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.common.TopicPartition;
import org.springframework.context.ApplicationContext;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;
import org.springframework.kafka.listener.MessageListenerContainer;

/**
 * "Ready" means every consumer holds its partitions: a service whose listener has not yet been
 * given them serves stale reads while it looks up. In the standalone runtime each consumer group
 * has one member, so each running listener container must hold every partition of its topics.
 */
final class ConsumerAssignments {

    private static final Duration POLL = Duration.ofMillis(25);

    private ConsumerAssignments() {
    }

    /**
     * Waits until each running listener container of these services holds all its partitions.
     * A consumer without a running container is an error: its events would never be read.
     */
    static void await(Map<CatalogueService, ? extends ApplicationContext> services, String bootstrapServers,
            Duration timeout) {
        var containers = new ArrayList<MessageListenerContainer>();
        services.forEach((service, context) -> {
            var running = context.getBeanProvider(KafkaListenerEndpointRegistry.class).stream()
                    .flatMap(registry -> registry.getListenerContainers().stream())
                    .filter(MessageListenerContainer::isRunning)
                    .filter(container -> container.getContainerProperties().getTopics() != null)
                    .toList();
            if (service.consumer() && running.isEmpty()) {
                throw new IllegalStateException(service.name() + " started without a running listener container");
            }
            containers.addAll(running);
        });
        if (containers.isEmpty()) {
            return;
        }
        var expected = partitions(containers, bootstrapServers);
        long deadline = System.nanoTime() + timeout.toNanos();
        for (var container : containers) {
            var wanted = expected.get(container);
            while (!held(container).containsAll(wanted)) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("Consumer group " + container.getGroupId() + " ("
                            + container.getListenerId() + ") holds " + held(container) + " of " + wanted + " after "
                            + timeout.toSeconds() + " s: is another instance of it running against this broker?");
                }
                pause();
            }
        }
    }

    private static Set<TopicPartition> held(MessageListenerContainer container) {
        var assigned = container.getAssignedPartitions();
        return assigned == null ? Set.of() : new HashSet<>(assigned);
    }

    private static Map<MessageListenerContainer, Set<TopicPartition>> partitions(List<MessageListenerContainer> containers,
            String bootstrapServers) {
        var topics = new HashSet<String>();
        containers.forEach(container -> topics.addAll(List.of(container.getContainerProperties().getTopics())));
        try (var admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers))) {
            var described = admin.describeTopics(topics).allTopicNames().get();
            var expected = new java.util.IdentityHashMap<MessageListenerContainer, Set<TopicPartition>>();
            for (var container : containers) {
                var wanted = new HashSet<TopicPartition>();
                for (var topic : container.getContainerProperties().getTopics()) {
                    described.get(topic).partitions().forEach(partition -> wanted.add(new TopicPartition(topic, partition.partition())));
                }
                expected.put(container, wanted);
            }
            return expected;
        }
        catch (ExecutionException ex) {
            throw new IllegalStateException("cannot describe the consumers' topics " + topics + ": " + ex.getCause().getMessage(), ex);
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while describing the consumers' topics", ex);
        }
    }

    private static void pause() {
        try {
            TimeUnit.NANOSECONDS.sleep(POLL.toNanos());
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for the consumers' partitions", ex);
        }
    }
}
