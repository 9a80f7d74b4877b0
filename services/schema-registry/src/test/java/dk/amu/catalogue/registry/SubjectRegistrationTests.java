package dk.amu.catalogue.registry;

import java.util.stream.Collectors;
import java.util.stream.IntStream;

import com.fasterxml.jackson.databind.node.TextNode;
import dk.amu.catalogue.events.v1.CatalogueEvent;
import org.apache.avro.Schema;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static dk.amu.catalogue.registry.TestSchemas.COURSE_V1;
import static dk.amu.catalogue.registry.TestSchemas.COURSE_V1_DOCUMENTED;
import static dk.amu.catalogue.registry.TestSchemas.COURSE_V1_REFORMATTED;
import static dk.amu.catalogue.registry.TestSchemas.COURSE_WITH_REQUIRED_EUU;
import static dk.amu.catalogue.registry.TestSchemas.COURSE_WITH_TITLE;
import static dk.amu.catalogue.registry.TestSchemas.NOT_A_SCHEMA;
import static org.assertj.core.api.Assertions.assertThat;

/** Registering schemas over HTTP against a real broker: ids, versions and refusals. Each test uses its own subjects. */
class SubjectRegistrationTests {



    static EmbeddedSchemaRegistry registry;

    static RegistryHttp http;

    @BeforeAll
    static void startRegistry() {
        registry = EmbeddedSchemaRegistry.start(SharedBroker.registrySettings(SubjectRegistrationTests.class));
        http = new RegistryHttp(registry.url());
    }

    @AfterAll
    static void stopRegistry() {
        registry.close();
    }

    @Test
    void shouldGiveTheSameIdAndNoNewVersionWhenTheSameSchemaIsRegisteredAgain() {
        int first = http.registerId("same-twice-value", COURSE_V1);
        int again = http.registerId("same-twice-value", COURSE_V1);
        int reformatted = http.registerId("same-twice-value", COURSE_V1_REFORMATTED);

        assertThat(again).isEqualTo(first);
        assertThat(reformatted).isEqualTo(first);
        assertThat(http.get("/subjects/same-twice-value/versions").json().toString()).isEqualTo("[1]");
    }

    @Test
    void shouldAnswerARegistrationWithOnlyTheId() {
        var reply = http.register("id-only-value", COURSE_V1);

        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.contentType()).isEqualTo(RegistryHttp.V1_JSON);
        assertThat(reply.json().fieldNames()).toIterable().containsExactly("id");
    }

    @Test
    void shouldReuseTheGlobalIdWhenAnotherSubjectRegistersTheSameSchema() {
        int inFirst = http.registerId("shared-a-value", COURSE_WITH_TITLE);
        int inSecond = http.registerId("shared-b-value", COURSE_WITH_TITLE);

        assertThat(inSecond).isEqualTo(inFirst);
        assertThat(http.get("/subjects/shared-b-value/versions/latest").json().path("version").asInt()).isEqualTo(1);
        var versions = http.get("/schemas/ids/" + inFirst + "/versions");
        assertThat(versions.status()).isEqualTo(200);
        assertThat(versions.json().toString())
                .contains("{\"subject\":\"shared-a-value\",\"version\":1}")
                .contains("{\"subject\":\"shared-b-value\",\"version\":1}");
        assertThat(http.get("/schemas/ids/" + inFirst + "/subjects").json().toString())
                .contains("\"shared-a-value\"", "\"shared-b-value\"");
    }

    @Test
    void shouldRegisterACompatibleChangeAsANewVersionWithANewId() {
        int v1 = http.registerId("evolving-value", COURSE_V1);
        int v2 = http.registerId("evolving-value", COURSE_WITH_TITLE);

        assertThat(v2).isNotEqualTo(v1);
        assertThat(http.get("/subjects/evolving-value/versions").json().toString()).isEqualTo("[1,2]");
        var latest = http.get("/subjects/evolving-value/versions/latest").json();
        assertThat(latest.path("subject").asText()).isEqualTo("evolving-value");
        assertThat(latest.path("version").asInt()).isEqualTo(2);
        assertThat(latest.path("id").asInt()).isEqualTo(v2);
        assertThat(new Schema.Parser().parse(latest.path("schema").asText()))
                .isEqualTo(new Schema.Parser().parse(COURSE_WITH_TITLE));
        assertThat(latest.has("schemaType")).isFalse();
    }

    @Test
    void shouldRefuseAFieldWithoutADefaultAsIncompatible() {
        http.registerId("refusing-value", COURSE_V1);

        var reply = http.register("refusing-value", COURSE_WITH_REQUIRED_EUU);

        assertThat(reply.status()).isEqualTo(409);
        assertThat(reply.errorCode()).isEqualTo(409);
        assertThat(reply.message())
                .startsWith("Schema being registered is incompatible with an earlier schema for subject \"refusing-value\", details: [")
                .contains("READER_FIELD_MISSING_DEFAULT_VALUE", "'euu'", "{oldSchemaVersion: 1}",
                        "compatibility: 'BACKWARD_TRANSITIVE'");
        assertThat(http.get("/subjects/refusing-value/versions").json().toString()).isEqualTo("[1]");
    }

    @Test
    void shouldTreatAChangedDocAsANewSchemaLikeConfluent() {
        int plain = http.registerId("documented-value", COURSE_V1);
        int documented = http.registerId("documented-value", COURSE_V1_DOCUMENTED);

        assertThat(documented).isNotEqualTo(plain);
        assertThat(http.get("/subjects/documented-value/versions").json().toString()).isEqualTo("[1,2]");
    }

    @Test
    void shouldRefuseAnInvalidSchemaWithUnprocessableEntity() {
        var broken = http.register("invalid-value", NOT_A_SCHEMA);
        var notJson = http.register("invalid-value", "{not json");
        var empty = http.post("/subjects/invalid-value/versions", "{}");

        assertThat(broken.status()).isEqualTo(422);
        assertThat(broken.errorCode()).isEqualTo(42201);
        assertThat(broken.message()).startsWith("Invalid schema");
        assertThat(notJson.errorCode()).isEqualTo(42201);
        assertThat(empty.errorCode()).isEqualTo(42201);
        assertThat(http.get("/subjects/invalid-value/versions").errorCode()).isEqualTo(40401);
    }

    @Test
    void shouldServeOnlyAvroSchemas() {
        var avro = http.post("/subjects/typed-value/versions",
                "{\"schemaType\":\"AVRO\",\"references\":[],\"schema\":" + quoted(COURSE_V1) + "}");
        var protobuf = http.post("/subjects/typed-value/versions",
                "{\"schemaType\":\"PROTOBUF\",\"schema\":\"syntax = \\\"proto3\\\";\"}");
        var withReferences = http.post("/subjects/typed-value/versions", "{\"schema\":" + quoted(COURSE_V1)
                + ",\"references\":[{\"name\":\"dk.amu.Other\",\"subject\":\"other-value\",\"version\":1}]}");

        assertThat(avro.status()).isEqualTo(200);
        assertThat(protobuf.status()).isEqualTo(422);
        assertThat(protobuf.errorCode()).isEqualTo(42201);
        assertThat(protobuf.message()).isEqualTo("Invalid schema type PROTOBUF");
        assertThat(withReferences.errorCode()).isEqualTo(42201);
        assertThat(http.get("/schemas/types").json().toString()).isEqualTo("[\"AVRO\"]");
    }

    @Test
    void shouldRegisterAndServeTheCatalogueEventSchema() {
        var eventSchema = CatalogueEvent.getClassSchema();

        int id = http.registerId("amu.catalogue.events.v1-value", eventSchema.toString());

        var served = http.get("/schemas/ids/" + id).json().path("schema").asText();
        assertThat(new Schema.Parser().parse(served)).isEqualTo(eventSchema);
        assertThat(http.registerId("amu.catalogue.events.v1-value", eventSchema.toString(true))).isEqualTo(id);
    }

    @Test
    void shouldHandOutOneIdAndOneVersionWhenManyClientsRegisterTheSameSchemaAtOnce() {
        var ids = IntStream.range(0, 16).parallel()
                .map(i -> http.registerId("crowded-value", COURSE_WITH_TITLE))
                .boxed()
                .collect(Collectors.toSet());

        assertThat(ids).hasSize(1);
        assertThat(http.get("/subjects/crowded-value/versions").json().toString()).isEqualTo("[1]");
    }

    @Test
    void shouldHandOutDistinctIdsToDifferentSchemasRegisteredAtOnce() {
        var ids = IntStream.range(0, 12).parallel()
                .map(i -> http.registerId("parallel-" + i + "-value", "{\"type\":\"fixed\",\"name\":\"Hash" + i + "\",\"size\":32}"))
                .boxed()
                .collect(Collectors.toSet());

        assertThat(ids).hasSize(12);
    }

    private static String quoted(String text) {
        return new TextNode(text).toString();
    }
}
