package dk.amu.catalogue.serde;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.Map;

import dk.amu.catalogue.events.v1.CatalogueEvent;
import dk.amu.catalogue.serde.registry.SchemaRegistryUnreachableException;
import org.apache.kafka.common.config.ConfigException;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

/** Configuration and the checks that need no registry. */
class AvroSerdeConfigTests {

    @Test
    void shouldNameSubjectsAfterTheTopicAndSide() {
        assertThat(AvroSerdeConfig.subject("amu.catalogue.events.v1", false)).isEqualTo("amu.catalogue.events.v1-value");
        assertThat(AvroSerdeConfig.subject("amu.catalogue.events.v1", true)).isEqualTo("amu.catalogue.events.v1-key");
    }

    @Test
    void shouldRequireARegistryUrlWhenNoClientIsGiven() {
        assertThatThrownBy(() -> new AvroSerializer<CatalogueEvent>().configure(Map.of(), false))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("schema.registry.url");
        assertThatThrownBy(() -> new AvroDeserializer<CatalogueEvent>().configure(Map.of(), false))
                .isInstanceOf(ConfigException.class);
    }

    @Test
    void shouldReadSettingsGivenAsStringsOrAsValues() {
        var options = new AvroSerdeConfig(Map.of(AvroSerdeConfig.RETRY_ATTEMPTS, "5",
                AvroSerdeConfig.RETRY_BACKOFF_MS, 30, AvroSerdeConfig.REQUEST_TIMEOUT_MS, 2000L)).clientOptions();

        assertThat(options.maxAttempts()).isEqualTo(5);
        assertThat(options.initialBackoff()).isEqualTo(Duration.ofMillis(30));
        assertThat(options.requestTimeout()).isEqualTo(Duration.ofSeconds(2));
        assertThat(new AvroSerdeConfig(Map.of(AvroSerdeConfig.AUTO_REGISTER_SCHEMAS, true)).autoRegister()).isTrue();
        assertThat(new AvroSerdeConfig(Map.of()).autoRegister()).isFalse();
    }

    @Test
    void shouldRefuseATargetTypeThatIsNotAGeneratedAvroClass() {
        var deserializer = new AvroDeserializer<CatalogueEvent>();

        assertThatThrownBy(() -> deserializer.configure(Map.of(AvroSerdeConfig.SCHEMA_REGISTRY_URL, "http://localhost:1",
                AvroSerdeConfig.SPECIFIC_AVRO_VALUE_TYPE, "java.lang.String"), false))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("SpecificRecord");
        assertThatThrownBy(() -> deserializer.configure(Map.of(AvroSerdeConfig.SCHEMA_REGISTRY_URL, "http://localhost:1",
                AvroSerdeConfig.SPECIFIC_AVRO_VALUE_TYPE, "dk.amu.Nowhere"), false))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("no such class");
    }

    @Test
    void shouldRejectMalformedHeadersBeforeAskingAnyRegistry() {
        var deserializer = unreachableDeserializer();

        assertThatThrownBy(() -> deserializer.deserialize("t", new byte[] {9, 0, 0, 0, 1, 2}))
                .isInstanceOf(UnknownMagicByteException.class);
        assertThatThrownBy(() -> deserializer.deserialize("t", new byte[] {0, 0}))
                .isInstanceOf(TruncatedRecordException.class);
        assertThatThrownBy(() -> deserializer.deserialize("t", new byte[0]))
                .isInstanceOf(TruncatedRecordException.class);
    }

    @Test
    void shouldSayTheRegistryIsUnreachableAfterTheConfiguredAttemptsWithoutHanging() {
        var serializer = new AvroSerializer<CatalogueEvent>();
        serializer.configure(unreachableRegistry(), false);

        assertTimeoutPreemptively(Duration.ofSeconds(10), () ->
                assertThatThrownBy(() -> serializer.serialize("t", CatalogueEvents.courseLinked()))
                        .isInstanceOf(SchemaRegistryUnavailableException.class)
                        .hasMessageContaining("topic 't'")
                        .hasMessageContaining("unreachable after 3 attempts")
                        .hasCauseInstanceOf(SchemaRegistryUnreachableException.class));
        assertTimeoutPreemptively(Duration.ofSeconds(10), () ->
                assertThatThrownBy(() -> unreachableDeserializer().deserialize("t", new byte[] {0, 0, 0, 0, 1, 2}))
                        .isInstanceOf(SchemaRegistryUnavailableException.class)
                        .hasMessageContaining("schema id 1"));
    }

    private static AvroDeserializer<CatalogueEvent> unreachableDeserializer() {
        var deserializer = new AvroDeserializer<CatalogueEvent>();
        deserializer.configure(unreachableRegistry(), false);
        return deserializer;
    }

    private static Map<String, Object> unreachableRegistry() {
        return Map.of(AvroSerdeConfig.SCHEMA_REGISTRY_URL, "http://127.0.0.1:" + freePort(),
                AvroSerdeConfig.RETRY_ATTEMPTS, 3, AvroSerdeConfig.RETRY_BACKOFF_MS, 20);
    }

    private static int freePort() {
        try (var socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
        catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }
}
