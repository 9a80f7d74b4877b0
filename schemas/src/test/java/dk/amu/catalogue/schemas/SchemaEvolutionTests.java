package dk.amu.catalogue.schemas;

import java.util.List;

import dk.amu.catalogue.events.v1.CatalogueEvent;
import dk.amu.catalogue.snapshots.v1.CatalogueSnapshot;
import org.apache.avro.Schema;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class SchemaEvolutionTests {

    static List<Arguments> topicSchemas() {
        return List.of(
                Arguments.of("CatalogueEvent", CatalogueEvent.getClassSchema()),
                Arguments.of("CatalogueSnapshot", CatalogueSnapshot.getClassSchema()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("topicSchemas")
    void shouldReadEveryPublishedVersion(String record, Schema current) {
        var published = SchemaEvolutionGate.publishedVersions(record);
        assertThat(published).as("published versions of %s", record).isNotEmpty();

        assertThat(SchemaEvolutionGate.incompatibilities(current, published))
                .as("%s is not BACKWARD_TRANSITIVE compatible; make the change compatible (e.g. give a new field a default)", record)
                .isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("topicSchemas")
    void shouldHaveTheCurrentSchemaPublished(String record, Schema current) {
        var published = SchemaEvolutionGate.publishedVersions(record);
        var latest = published.get(published.size() - 1);

        assertThat(latest.schema().toString(true))
                .as("%s changed since version %d: once it passes the compatibility check, record it as %s/%d.avsc",
                        record, latest.version(), SchemaEvolutionGate.PUBLISHED.resolve(record), latest.version() + 1)
                .isEqualTo(current.toString(true));
    }

    @Test
    void shouldCatchANewFieldWithoutDefault() {
        var breaking = withExtraEventField("{\"name\": \"region\", \"type\": \"string\"}");

        assertThat(SchemaEvolutionGate.incompatibilities(breaking, SchemaEvolutionGate.publishedVersions("CatalogueEvent")))
                .singleElement().asString()
                .contains("cannot read version 1", "READER_FIELD_MISSING_DEFAULT_VALUE", "region");
    }

    @Test
    void shouldAcceptANewFieldWithDefault() {
        var compatible = withExtraEventField("{\"name\": \"region\", \"type\": [\"null\", \"string\"], \"default\": null}");

        assertThat(SchemaEvolutionGate.incompatibilities(compatible, SchemaEvolutionGate.publishedVersions("CatalogueEvent")))
                .isEmpty();
    }

    @Test
    void shouldCatchAPayloadTypeDroppedFromTheUnion() {
        var event = CatalogueEvent.getClassSchema();
        var fewerPayloads = Schema.createUnion(event.getField("payload").schema().getTypes().stream()
                .filter(type -> !type.getName().equals("CourseLinkExpired"))
                .toList());
        var fields = event.getFields().stream()
                .map(field -> new Schema.Field(field.name(), field.name().equals("payload") ? fewerPayloads : field.schema(),
                        field.doc(), field.defaultVal()))
                .toList();
        var breaking = Schema.createRecord(event.getName(), event.getDoc(), event.getNamespace(), false, fields);

        assertThat(SchemaEvolutionGate.incompatibilities(breaking, SchemaEvolutionGate.publishedVersions("CatalogueEvent")))
                .isNotEmpty()
                .anySatisfy(problem -> assertThat(problem).contains("MISSING_UNION_BRANCH"));
    }

    private static Schema withExtraEventField(String field) {
        var json = CatalogueEvent.getClassSchema().toString();
        var changed = json.replaceFirst("\"fields\":\\[", "\"fields\":[" + field + ",");
        return new Schema.Parser().parse(changed);
    }
}
