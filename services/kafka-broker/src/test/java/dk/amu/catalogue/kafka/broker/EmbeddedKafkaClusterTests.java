package dk.amu.catalogue.kafka.broker;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Three KRaft nodes in one JVM: one can die and come back on its ports and data while transactions go on. */
class EmbeddedKafkaClusterTests {

    @TempDir
    Path dataDirectory;

    @Test
    void shouldCommitTransactionsWhileANodeIsDownAndTakeItBackOnItsPortsAndData() throws Exception {
        var settings = ClusterSettings.onFreePorts(dataDirectory, 3);
        try (var cluster = EmbeddedKafkaCluster.start(settings)) {
            try (var admin = Admin.create(Map.<String, Object>of("bootstrap.servers", cluster.bootstrapServers()))) {
                admin.createTopics(List.of(new NewTopic("cluster.check", 3, (short) 3)
                        .configs(Map.of("min.insync.replicas", "2")))).all().get();
                await().atMost(Duration.ofSeconds(30)).ignoreExceptions().untilAsserted(() -> assertThat(
                        admin.describeTopics(Set.of("cluster.check")).allTopicNames().get().get("cluster.check").partitions())
                        .allSatisfy(p -> assertThat(p.isr()).hasSize(3)));
            }
            var written = new ArrayList<String>();
            try (var producer = transactionalProducer(cluster)) {
                producer.initTransactions();
                commit(producer, written, "before");

                cluster.kill(2);
                assertThat(cluster.runningNodes()).containsExactly(1, 3);
                commit(producer, written, "while-2-is-down");

                cluster.restart(2);
                await().atMost(Duration.ofSeconds(60)).until(() -> cluster.underReplicatedPartitions().isEmpty());
                cluster.kill(1);
                commit(producer, written, "while-1-is-down");
                cluster.restart(1);
            }
            assertThat(cluster.runningNodes()).containsExactly(1, 2, 3);
            assertThat(readCommitted(cluster.settings().bootstrapServers(2), written.size()))
                    .containsExactlyInAnyOrderElementsOf(written);
        }
        assertThat(dataDirectory.resolve("node-1/meta.properties")).exists();
        assertThat(dataDirectory.resolve("node-3/meta.properties")).exists();
    }

    private static void commit(KafkaProducer<String, String> producer, List<String> written, String label) {
        producer.beginTransaction();
        for (int i = 0; i < 20; i++) {
            var value = label + "-" + i;
            producer.send(new ProducerRecord<>("cluster.check", String.valueOf(i), value));
            written.add(value);
        }
        producer.commitTransaction();
    }

    private static KafkaProducer<String, String> transactionalProducer(EmbeddedKafkaCluster cluster) {
        return new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, cluster.bootstrapServers(),
                ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.TRANSACTIONAL_ID_CONFIG, "cluster-check"),
                new StringSerializer(), new StringSerializer());
    }

    private static List<String> readCommitted(String bootstrapServers, int expected) {
        var values = new ArrayList<String>();
        try (var consumer = new KafkaConsumer<>(Map.<String, Object>of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ConsumerConfig.GROUP_ID_CONFIG, "cluster-check",
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed"),
                new StringDeserializer(), new StringDeserializer())) {
            consumer.subscribe(Set.of("cluster.check"));
            await().atMost(Duration.ofSeconds(60)).until(() -> {
                consumer.poll(Duration.ofMillis(200)).forEach(record -> values.add(record.value()));
                return values.size() >= expected;
            });
        }
        return values;
    }
}
