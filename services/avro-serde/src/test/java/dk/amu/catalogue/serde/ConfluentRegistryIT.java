package dk.amu.catalogue.serde;

import dk.amu.catalogue.compose.ComposeStack;
import dk.amu.catalogue.events.v1.CatalogueEvent;
import dk.amu.catalogue.serde.registry.SchemaRegistryClient;
import dk.amu.catalogue.serde.registry.SchemaRegistryException;
import org.apache.avro.SchemaBuilder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The project's serde and registry client against Confluent's own Schema Registry, the image
 * docker-compose.yml runs. Skipped, in one line saying why, where no Docker engine runs.
 */
class ConfluentRegistryIT {

    @RegisterExtension
    static final ComposeStack compose = ComposeStack.kafkaAndRegistry();

    @Test
    void shouldRegisterSerializeAndDeserializeThroughConfluentsRegistry() {
        var client = SchemaRegistryClient.forUrl(compose.registryUrl());
        var event = CatalogueEvents.courseLinked();

        var bytes = new AvroSerializer<CatalogueEvent>(client, true).serialize("compose.events", event);

        assertThat(bytes[0]).as("magic byte").isZero();
        assertThat(WireFormat.schemaId(bytes)).isEqualTo(client.lookup("compose.events-value", CatalogueEvent.getClassSchema()));
        var fresh = SchemaRegistryClient.forUrl(compose.registryUrl());
        assertThat(new AvroDeserializer<CatalogueEvent>(fresh).deserialize("compose.events", bytes)).isEqualTo(event);
    }

    @Test
    void shouldBeRefusedWith409ForAnIncompatibleSchema() {
        var client = SchemaRegistryClient.forUrl(compose.registryUrl());
        var first = SchemaBuilder.record("Probe").namespace("dk.amu.test").fields().requiredString("a").endRecord();
        var incompatible = SchemaBuilder.record("Probe").namespace("dk.amu.test").fields().requiredInt("a").endRecord();
        client.register("compose.probe-value", first);

        assertThatThrownBy(() -> client.register("compose.probe-value", incompatible))
                .isInstanceOfSatisfying(SchemaRegistryException.class, ex -> assertThat(ex.httpStatus()).isEqualTo(409))
                .hasMessageContaining("'compose.probe-value'");
    }
}
