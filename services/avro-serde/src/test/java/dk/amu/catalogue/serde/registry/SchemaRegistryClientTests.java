package dk.amu.catalogue.serde.registry;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import dk.amu.catalogue.events.v1.CatalogueEvent;
import dk.amu.catalogue.kafka.broker.BrokerSettings;
import dk.amu.catalogue.kafka.broker.EmbeddedKafkaBroker;
import dk.amu.catalogue.registry.EmbeddedSchemaRegistry;
import dk.amu.catalogue.registry.RegistrySettings;
import dk.amu.catalogue.snapshots.v1.CatalogueSnapshot;
import org.apache.avro.SchemaBuilder;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/** The client against the project's real registry over real HTTP. */
class SchemaRegistryClientTests {

    @TempDir
    static Path dataDirectory;

    static EmbeddedKafkaBroker broker;

    static EmbeddedSchemaRegistry registry;

    static SchemaRegistryClient client;

    @BeforeAll
    static void startKafkaAndRegistry() {
        broker = EmbeddedKafkaBroker.start(BrokerSettings.onFreePorts(dataDirectory));
        registry = startRegistry("_schemas", 0);
        client = SchemaRegistryClient.forUrl(registry.url());
    }

    @AfterAll
    static void stop() {
        registry.close();
        broker.close();
    }

    @Test
    void shouldRegisterASchemaAndFindTheSameIdOnLookup() {
        var id = client.register("client.events-value", CatalogueEvent.getClassSchema());

        var fresh = SchemaRegistryClient.forUrl(registry.url());
        assertThat(fresh.lookup("client.events-value", CatalogueEvent.getClassSchema())).isEqualTo(id);
        assertThat(fresh.register("client.events-value", CatalogueEvent.getClassSchema())).isEqualTo(id);
        assertThat(fresh.schemaById(id)).isEqualTo(CatalogueEvent.getClassSchema());
    }

    @Test
    void shouldSayWhichSubjectIsUnknownOnLookup() {
        assertThatThrownBy(() -> client.lookup("client.nobody-value", CatalogueEvent.getClassSchema()))
                .isInstanceOfSatisfying(SubjectSchemaNotRegisteredException.class, ex -> {
                    assertThat(ex.subject()).isEqualTo("client.nobody-value");
                    assertThat(ex.httpStatus()).isEqualTo(404);
                    assertThat(ex.errorCode()).isEqualTo(40401);
                })
                .hasMessageContaining("'client.nobody-value'")
                .hasMessageContaining("error_code 40401");
    }

    @Test
    void shouldTellASchemaMissingUnderAKnownSubjectOnLookup() {
        client.register("client.other-value", CatalogueSnapshot.getClassSchema());

        assertThatThrownBy(() -> client.lookup("client.other-value", CatalogueEvent.getClassSchema()))
                .isInstanceOfSatisfying(SubjectSchemaNotRegisteredException.class,
                        ex -> assertThat(ex.errorCode()).isEqualTo(40403));
    }

    @Test
    void shouldReportAnUnknownIdWithTheRegistrysErrorCodeAndMessage() {
        assertThatThrownBy(() -> client.schemaById(987654))
                .isInstanceOfSatisfying(SchemaIdNotFoundException.class, ex -> {
                    assertThat(ex.schemaId()).isEqualTo(987654);
                    assertThat(ex.errorCode()).isEqualTo(40403);
                })
                .hasMessageContaining("schema id 987654")
                .hasMessageContaining(registry.url());
    }

    @Test
    void shouldRefuseAnIncompatibleSchemaWithoutRetrying() {
        var first = SchemaBuilder.record("Probe").namespace("dk.amu.test").fields().requiredString("a").endRecord();
        var incompatible = SchemaBuilder.record("Probe").namespace("dk.amu.test").fields().requiredInt("a").endRecord();
        client.register("client.probe-value", first);

        assertThatThrownBy(() -> client.register("client.probe-value", incompatible))
                .isInstanceOfSatisfying(SchemaRegistryException.class, ex -> {
                    assertThat(ex.httpStatus()).isEqualTo(409);
                    assertThat(ex.getMessage()).doesNotContain("attempts");
                })
                .hasMessageContaining("'client.probe-value'");
    }

    @Test
    void shouldEncodeSubjectsThatAreNotPlainPathSegments() {
        var subject = "client events/ø?-value";

        var id = client.register(subject, CatalogueSnapshot.getClassSchema());

        assertThat(SchemaRegistryClient.forUrl(registry.url()).lookup(subject, CatalogueSnapshot.getClassSchema()))
                .isEqualTo(id);
    }

    @Test
    void shouldGiveUpOnARegistryThatIsNotThereAfterTheConfiguredAttempts() {
        var options = RegistryClientOptions.defaults().withRetry(3, Duration.ofMillis(20), Duration.ofMillis(50));
        var absent = SchemaRegistryClient.forUrl("http://127.0.0.1:" + freePort(), options);

        var started = System.nanoTime();
        assertThatThrownBy(() -> absent.schemaById(1))
                .isInstanceOfSatisfying(SchemaRegistryUnreachableException.class,
                        ex -> assertThat(ex.attempts()).isEqualTo(3))
                .hasMessageContaining("is unreachable after 3 attempts");
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(5));
    }

    @Test
    void shouldRideOutARegistryThatStartsWhileTheClientIsRetrying() throws Exception {
        var port = freePort();
        var options = RegistryClientOptions.defaults().withRetry(200, Duration.ofMillis(50), Duration.ofMillis(200));
        var patient = SchemaRegistryClient.forUrl("http://127.0.0.1:" + port, options);
        var call = CompletableFuture.supplyAsync(
                () -> patient.register("client.late-value", CatalogueEvent.getClassSchema()));
        await().during(Duration.ofMillis(300)).atMost(Duration.ofSeconds(2))
                .until(() -> !call.isDone());

        try (var late = startRegistry("_schemas.late", port)) {
            var id = call.get(30, TimeUnit.SECONDS);

            assertThat(SchemaRegistryClient.forUrl(late.url()).lookup("client.late-value", CatalogueEvent.getClassSchema()))
                    .isEqualTo(id);
        }
    }

    private static EmbeddedSchemaRegistry startRegistry(String topic, int port) {
        return EmbeddedSchemaRegistry.start(new RegistrySettings(broker.bootstrapServers(), "127.0.0.1", port, topic));
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
