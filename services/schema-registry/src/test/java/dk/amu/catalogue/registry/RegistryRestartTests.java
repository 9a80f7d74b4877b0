package dk.amu.catalogue.registry;

import static dk.amu.catalogue.registry.TestSchemas.COURSE_V1;
import static dk.amu.catalogue.registry.TestSchemas.COURSE_V1_DOCUMENTED;
import static dk.amu.catalogue.registry.TestSchemas.COURSE_WITH_REQUIRED_EUU;
import static dk.amu.catalogue.registry.TestSchemas.COURSE_WITH_TITLE;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.ObjectMapper;
import dk.amu.catalogue.kafka.broker.BrokerSettings;
import dk.amu.catalogue.kafka.broker.EmbeddedKafkaBroker;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The topic is the registry's only memory: ids, versions and levels come back from it. */
class RegistryRestartTests {

    private static final ObjectMapper JSON = new ObjectMapper();





    @Test
    void shouldKeepIdsVersionsAndLevelsAcrossARegistryRestart() {
        var settings = RegistrySettings.onFreePort(SharedBroker.bootstrapServers()).withTopic("_schemas-restart");
        int v1;
        int v2;
        try (var registry = EmbeddedSchemaRegistry.start(settings)) {
            var http = new RegistryHttp(registry.url());
            v1 = http.registerId("kept-value", COURSE_V1);
            v2 = http.registerId("kept-value", COURSE_WITH_TITLE);
            http.registerId("also-kept-value", COURSE_V1);
            http.put("/config/also-kept-value", "{\"compatibility\":\"NONE\"}");
        }

        try (var registry = EmbeddedSchemaRegistry.start(settings)) {
            var http = new RegistryHttp(registry.url());
            assertThat(http.get("/subjects").json().toString()).isEqualTo("[\"also-kept-value\",\"kept-value\"]");
            assertThat(http.get("/subjects/kept-value/versions").json().toString()).isEqualTo("[1,2]");
            assertThat(http.get("/subjects/kept-value/versions/latest").json().path("id").asInt()).isEqualTo(v2);
            assertThat(http.get("/schemas/ids/" + v1).status()).isEqualTo(200);
            assertThat(http.registerId("kept-value", COURSE_V1)).isEqualTo(v1);
            assertThat(http.get("/config/also-kept-value").json().path("compatibilityLevel").asText()).isEqualTo("NONE");
            assertThat(http.register("kept-value", COURSE_WITH_REQUIRED_EUU).status()).isEqualTo(409);
            assertThat(http.registerId("fresh-value", COURSE_V1_DOCUMENTED)).isEqualTo(v2 + 1);
        }
    }

    @Test
    void shouldStoreConfluentStyleRecordsInACompactedSinglePartitionTopic() throws Exception {
        var settings = RegistrySettings.onFreePort(SharedBroker.bootstrapServers()).withTopic("_schemas-layout");
        try (var registry = EmbeddedSchemaRegistry.start(settings)) {
            var http = new RegistryHttp(registry.url());
            http.registerId("layout-value", COURSE_V1);
            http.put("/config", "{\"compatibility\":\"FULL\"}");
        }

        try (var admin = Admin.create(Map.of("bootstrap.servers", SharedBroker.bootstrapServers()))) {
            var description = admin.describeTopics(List.of("_schemas-layout")).allTopicNames().get().get("_schemas-layout");
            assertThat(description.partitions()).hasSize(1);
            var resource = new ConfigResource(ConfigResource.Type.TOPIC, "_schemas-layout");
            var config = admin.describeConfigs(List.of(resource)).all().get().get(resource);
            assertThat(config.get("cleanup.policy").value()).isEqualTo("compact");
        }
        assertThat(readAll("_schemas-layout", 2)).containsExactly(
                "{\"keytype\":\"SCHEMA\",\"subject\":\"layout-value\",\"version\":1,\"magic\":1} -> "
                        + "{\"subject\":\"layout-value\",\"version\":1,\"id\":1,\"schema\":"
                        + "\"{\\\"type\\\":\\\"record\\\",\\\"name\\\":\\\"Course\\\",\\\"namespace\\\":\\\"dk.amu.test\\\","
                        + "\\\"fields\\\":[{\\\"name\\\":\\\"number\\\",\\\"type\\\":\\\"string\\\"}]}\",\"deleted\":false}",
                "{\"keytype\":\"CONFIG\",\"subject\":null,\"magic\":0} -> {\"compatibilityLevel\":\"FULL\"}");
    }

    @Test
    void shouldKeepIdsAcrossABrokerRestart(@TempDir Path ownKafkaData) {
        var brokerSettings = BrokerSettings.onFreePorts(ownKafkaData);
        int id;
        try (var ownBroker = EmbeddedKafkaBroker.start(brokerSettings);
             var registry = EmbeddedSchemaRegistry.start(RegistrySettings.onFreePort(ownBroker.bootstrapServers()))) {
            id = new RegistryHttp(registry.url()).registerId("durable-value", COURSE_WITH_TITLE);
        }

        try (var ownBroker = EmbeddedKafkaBroker.start(brokerSettings);
             var registry = EmbeddedSchemaRegistry.start(RegistrySettings.onFreePort(ownBroker.bootstrapServers()))) {
            var http = new RegistryHttp(registry.url());
            assertThat(http.get("/subjects/durable-value/versions/latest").json().path("id").asInt()).isEqualTo(id);
            assertThat(http.registerId("durable-value", COURSE_WITH_TITLE)).isEqualTo(id);
        }
    }

    @Test
    void shouldRebuildFromRecordsAConfluentRegistryWrote() throws Exception {
        var topic = "_schemas-confluent";
        try (var admin = Admin.create(Map.of("bootstrap.servers", SharedBroker.bootstrapServers()))) {
            admin.createTopics(List.of(new NewTopic(topic, 1, (short) 1).configs(Map.of("cleanup.policy", "compact")))).all().get();
        }
        try (var producer = new KafkaProducer<>(Map.<String, Object>of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, SharedBroker.bootstrapServers()), new StringSerializer(), new StringSerializer())) {
            producer.send(new ProducerRecord<>(topic, "{\"keytype\":\"NOOP\",\"magic\":0}", null)).get();
            producer.send(schemaRecord(topic, "old-value", 1, 41, COURSE_V1, false)).get();
            producer.send(schemaRecord(topic, "old-value", 2, 42, COURSE_WITH_TITLE, false)).get();
            producer.send(schemaRecord(topic, "gone-value", 1, 41, COURSE_V1, true)).get();
            producer.send(new ProducerRecord<>(topic, "{\"keytype\":\"MODE\",\"subject\":null,\"magic\":0}",
                    "{\"mode\":\"READWRITE\"}")).get();
            producer.send(new ProducerRecord<>(topic, "{\"keytype\":\"CONFIG\",\"subject\":\"old-value\",\"magic\":0}",
                    "{\"compatibilityLevel\":\"FULL\"}")).get();
        }

        try (var registry = EmbeddedSchemaRegistry.start(RegistrySettings.onFreePort(SharedBroker.bootstrapServers()).withTopic(topic))) {
            var http = new RegistryHttp(registry.url());
            assertThat(http.get("/subjects").json().toString()).isEqualTo("[\"old-value\"]");
            assertThat(http.get("/subjects/old-value/versions/latest").json().path("id").asInt()).isEqualTo(42);
            assertThat(http.get("/config/old-value").json().path("compatibilityLevel").asText()).isEqualTo("FULL");
            assertThat(http.registerId("new-value", COURSE_V1_DOCUMENTED)).isEqualTo(43);
            assertThat(http.registerId("gone-value", COURSE_V1)).isEqualTo(41);
            assertThat(http.get("/subjects/gone-value/versions").json().toString()).isEqualTo("[2]");
        }
    }

    private static ProducerRecord<String, String> schemaRecord(String topic, String subject, int version, int id, String schema,
            boolean deleted) {
        var key = JSON.createObjectNode().put("keytype", "SCHEMA").put("subject", subject).put("version", version).put("magic", 1);
        var value = JSON.createObjectNode().put("subject", subject).put("version", version).put("id", id)
                .put("schemaType", "AVRO").put("schema", schema).put("deleted", deleted);
        return new ProducerRecord<>(topic, key.toString(), value.toString());
    }

    private static List<String> readAll(String topic, int expected) {
        var records = new ArrayList<String>();
        try (var consumer = new KafkaConsumer<>(Map.<String, Object>of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, SharedBroker.bootstrapServers(),
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false),
                new StringDeserializer(), new StringDeserializer())) {
            var partition = new TopicPartition(topic, 0);
            consumer.assign(List.of(partition));
            consumer.seekToBeginning(List.of(partition));
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (records.size() < expected && System.nanoTime() < deadline) {
                consumer.poll(Duration.ofMillis(200)).forEach(record -> records.add(record.key() + " -> " + record.value()));
            }
        }
        return records;
    }
}
