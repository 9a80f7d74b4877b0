package dk.amu.catalogue.serde;

import java.nio.file.Path;
import java.util.Map;

import dk.amu.catalogue.events.v1.CatalogueEvent;
import dk.amu.catalogue.kafka.broker.BrokerSettings;
import dk.amu.catalogue.kafka.broker.EmbeddedKafkaBroker;
import dk.amu.catalogue.snapshots.v1.CatalogueSnapshot;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** After the first record the serde needs the registry no more: proof that ids and schemas are cached. */
class WarmCacheTests {

    @TempDir
    static Path dataDirectory;

    static EmbeddedKafkaBroker broker;

    @BeforeAll
    static void startKafka() {
        broker = EmbeddedKafkaBroker.start(BrokerSettings.onFreePorts(dataDirectory));
    }

    @AfterAll
    static void stop() {
        broker.close();
    }

    @Test
    void shouldKeepSerializingAndDeserializingAfterTheRegistryIsGone() {
        var registry = KafkaWithRegistry.startRegistry(broker.bootstrapServers(), "_schemas.warm", 0);
        var config = Map.of(AvroSerdeConfig.SCHEMA_REGISTRY_URL, registry.url(),
                AvroSerdeConfig.AUTO_REGISTER_SCHEMAS, "true",
                AvroSerdeConfig.RETRY_ATTEMPTS, "1");
        var serializer = new AvroSerializer<CatalogueEvent>();
        serializer.configure(config, false);
        var deserializer = new AvroDeserializer<CatalogueEvent>();
        deserializer.configure(config, false);
        var first = serializer.serialize("warm", CatalogueEvents.courseLinked());
        assertThat(deserializer.deserialize("warm", first)).isEqualTo(CatalogueEvents.courseLinked());

        registry.close();

        for (var event : CatalogueEvents.allKinds()) {
            var bytes = serializer.serialize("warm", event);
            assertThat(deserializer.deserialize("warm", bytes)).isEqualTo(event);
        }
        var coldSerializer = new AvroSerializer<CatalogueSnapshot>();
        coldSerializer.configure(config, false);
        assertThatThrownBy(() -> coldSerializer.serialize("warm", CatalogueEvents.snapshot()))
                .as("a schema never seen before still needs the registry")
                .isInstanceOf(SchemaRegistryUnavailableException.class)
                .hasMessageContaining("unreachable after 1 attempts");
    }

    @Test
    void shouldReadRecordsOfAnotherProcessWithoutAskingTwiceForTheSameId() {
        var registry = KafkaWithRegistry.startRegistry(broker.bootstrapServers(), "_schemas.reader", 0);
        var writer = new AvroSerializer<CatalogueEvent>();
        writer.configure(Map.of(AvroSerdeConfig.SCHEMA_REGISTRY_URL, registry.url(),
                AvroSerdeConfig.AUTO_REGISTER_SCHEMAS, true), false);
        var records = CatalogueEvents.allKinds().stream().map(event -> writer.serialize("warm.read", event)).toList();
        var reader = new AvroDeserializer<CatalogueEvent>();
        reader.configure(Map.of(AvroSerdeConfig.SCHEMA_REGISTRY_URL, registry.url(),
                AvroSerdeConfig.RETRY_ATTEMPTS, 1), false);
        assertThat(reader.deserialize("warm.read", records.get(0))).isEqualTo(CatalogueEvents.allKinds().get(0));

        registry.close();

        assertThat(records.stream().map(bytes -> reader.deserialize("warm.read", bytes)))
                .containsExactlyElementsOf(CatalogueEvents.allKinds());
    }
}
