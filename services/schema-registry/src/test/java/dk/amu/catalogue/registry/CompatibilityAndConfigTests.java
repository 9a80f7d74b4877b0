package dk.amu.catalogue.registry;

import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static dk.amu.catalogue.registry.RegistryHttp.schemaBody;
import static dk.amu.catalogue.registry.TestSchemas.COURSE_V1;
import static dk.amu.catalogue.registry.TestSchemas.COURSE_WITHOUT_FIELDS;
import static dk.amu.catalogue.registry.TestSchemas.COURSE_WITH_INT_NUMBER;
import static dk.amu.catalogue.registry.TestSchemas.COURSE_WITH_REQUIRED_EUU;
import static dk.amu.catalogue.registry.TestSchemas.COURSE_WITH_TITLE;
import static dk.amu.catalogue.registry.TestSchemas.NOT_A_SCHEMA;
import static org.assertj.core.api.Assertions.assertThat;

/** Compatibility levels and checks; every test gets a registry of its own on a fresh topic. */
class CompatibilityAndConfigTests {



    EmbeddedSchemaRegistry registry;

    RegistryHttp http;



    @BeforeEach
    void startRegistry() {
        var settings = RegistrySettings.onFreePort(SharedBroker.bootstrapServers()).withTopic("_schemas-" + UUID.randomUUID());
        registry = EmbeddedSchemaRegistry.start(settings);
        http = new RegistryHttp(registry.url());
    }

    @AfterEach
    void stopRegistry() {
        registry.close();
    }

    @Test
    void shouldDefaultToBackwardTransitive() {
        var reply = http.get("/config");

        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.json().toString()).isEqualTo("{\"compatibilityLevel\":\"BACKWARD_TRANSITIVE\"}");
    }

    @Test
    void shouldChangeTheGlobalLevelInAnyCase() {
        var full = http.put("/config", "{\"compatibility\":\"FULL\"}");
        assertThat(full.status()).isEqualTo(200);
        assertThat(full.json().toString()).isEqualTo("{\"compatibility\":\"FULL\"}");
        assertThat(http.get("/config").json().path("compatibilityLevel").asText()).isEqualTo("FULL");

        assertThat(http.put("/config", "{\"compatibility\":\"forward_transitive\"}").json().path("compatibility").asText())
                .isEqualTo("FORWARD_TRANSITIVE");
        assertThat(http.delete("/config").json().path("compatibilityLevel").asText()).isEqualTo("FORWARD_TRANSITIVE");
        assertThat(http.get("/config").json().path("compatibilityLevel").asText()).isEqualTo("BACKWARD_TRANSITIVE");
    }

    @Test
    void shouldRefuseAnUnknownLevel() {
        var unknown = http.put("/config", "{\"compatibility\":\"SIDEWAYS\"}");
        var missing = http.put("/config/some-value", "{}");

        assertThat(unknown.status()).isEqualTo(422);
        assertThat(unknown.errorCode()).isEqualTo(42203);
        assertThat(unknown.message()).startsWith("Invalid compatibility level");
        assertThat(missing.errorCode()).isEqualTo(42203);
        assertThat(http.get("/config").json().path("compatibilityLevel").asText()).isEqualTo("BACKWARD_TRANSITIVE");
    }

    @Test
    void shouldSayWhenASubjectHasNoLevelOfItsOwn() {
        var own = http.get("/config/plain-value");
        var fallback = http.get("/config/plain-value?defaultToGlobal=true");

        assertThat(own.status()).isEqualTo(404);
        assertThat(own.errorCode()).isEqualTo(40408);
        assertThat(own.message()).isEqualTo("Subject 'plain-value' does not have subject-level compatibility configured");
        assertThat(fallback.status()).isEqualTo(200);
        assertThat(fallback.json().toString()).isEqualTo("{\"compatibilityLevel\":\"BACKWARD_TRANSITIVE\"}");
    }

    @Test
    void shouldSetAndRemoveASubjectLevel() {
        var set = http.put("/config/own-level-value", "{\"compatibility\":\"NONE\"}");

        assertThat(set.json().toString()).isEqualTo("{\"compatibility\":\"NONE\"}");
        assertThat(http.get("/config/own-level-value").json().path("compatibilityLevel").asText()).isEqualTo("NONE");
        assertThat(http.get("/config").json().path("compatibilityLevel").asText()).isEqualTo("BACKWARD_TRANSITIVE");
        assertThat(http.delete("/config/own-level-value").json().path("compatibilityLevel").asText()).isEqualTo("NONE");
        assertThat(http.get("/config/own-level-value").errorCode()).isEqualTo(40408);
        assertThat(http.delete("/config/own-level-value").errorCode()).isEqualTo(40408);
    }

    @Test
    void shouldLetASubjectLevelOverrideTheGlobalOneWhenRegistering() {
        http.registerId("relaxed-value", COURSE_V1);
        http.put("/config/relaxed-value", "{\"compatibility\":\"NONE\"}");

        var reply = http.register("relaxed-value", COURSE_WITH_REQUIRED_EUU);

        assertThat(reply.status()).isEqualTo(200);
        assertThat(http.get("/subjects/relaxed-value/versions").json().toString()).isEqualTo("[1,2]");
    }

    @Test
    void shouldCheckBackwardTransitiveAgainstEveryEarlierVersion() {
        http.registerId("transitive-value", COURSE_V1);
        http.registerId("transitive-value", COURSE_WITHOUT_FIELDS);

        var refused = http.register("transitive-value", COURSE_WITH_INT_NUMBER);

        assertThat(refused.status()).isEqualTo(409);
        assertThat(refused.message()).contains("TYPE_MISMATCH", "{oldSchemaVersion: 1}");
    }

    @Test
    void shouldCheckPlainBackwardAgainstTheLatestVersionOnly() {
        http.put("/config", "{\"compatibility\":\"BACKWARD\"}");
        http.registerId("latest-only-value", COURSE_V1);
        http.registerId("latest-only-value", COURSE_WITHOUT_FIELDS);

        var accepted = http.register("latest-only-value", COURSE_WITH_INT_NUMBER);

        assertThat(accepted.status()).isEqualTo(200);
    }

    @Test
    void shouldCheckForwardWithTheOldSchemaAsReader() {
        http.put("/config", "{\"compatibility\":\"FORWARD\"}");
        http.registerId("forward-value", COURSE_WITH_TITLE);

        var addsRequiredField = http.register("forward-value", TestSchemas.COURSE_WITH_REQUIRED_EUU);
        var dropsEverything = http.register("forward-value", COURSE_WITHOUT_FIELDS);

        assertThat(addsRequiredField.status()).isEqualTo(200);
        assertThat(dropsEverything.status()).isEqualTo(409);
        assertThat(dropsEverything.message()).contains("in the old schema has no default value and is missing in the new schema");
    }

    @Test
    void shouldCheckBothDirectionsUnderFull() {
        http.put("/config", "{\"compatibility\":\"FULL\"}");
        http.registerId("full-value", COURSE_V1);

        assertThat(http.register("full-value", COURSE_WITH_REQUIRED_EUU).status()).isEqualTo(409);
        assertThat(http.register("full-value", COURSE_WITHOUT_FIELDS).status()).isEqualTo(409);
        assertThat(http.register("full-value", COURSE_WITH_TITLE).status()).isEqualTo(200);
    }

    @Test
    void shouldTestCompatibilityAgainstTheLatestVersionWithoutRegistering() {
        http.registerId("check-value", COURSE_V1);

        var compatible = http.post("/compatibility/subjects/check-value/versions/latest", schemaBody(COURSE_WITH_TITLE));
        var incompatible = http.post("/compatibility/subjects/check-value/versions/1", schemaBody(COURSE_WITH_REQUIRED_EUU));
        var verbose = http.post("/compatibility/subjects/check-value/versions/latest?verbose=true",
                schemaBody(COURSE_WITH_REQUIRED_EUU));
        var verboseCompatible = http.post("/compatibility/subjects/check-value/versions/latest?verbose=true",
                schemaBody(COURSE_WITH_TITLE));

        assertThat(compatible.status()).isEqualTo(200);
        assertThat(compatible.json().toString()).isEqualTo("{\"is_compatible\":true}");
        assertThat(incompatible.json().toString()).isEqualTo("{\"is_compatible\":false}");
        assertThat(verbose.json().path("is_compatible").asBoolean()).isFalse();
        assertThat(verbose.json().path("messages").get(0).asText()).contains("READER_FIELD_MISSING_DEFAULT_VALUE", "euu");
        assertThat(verboseCompatible.json().toString()).isEqualTo("{\"is_compatible\":true,\"messages\":[]}");
        assertThat(http.get("/subjects/check-value/versions").json().toString()).isEqualTo("[1]");
    }

    @Test
    void shouldTestCompatibilityAgainstEveryVersionTheLevelNames() {
        http.registerId("check-all-value", COURSE_V1);
        http.registerId("check-all-value", COURSE_WITHOUT_FIELDS);

        var againstLatest = http.post("/compatibility/subjects/check-all-value/versions/latest", schemaBody(COURSE_WITH_INT_NUMBER));
        var againstAll = http.post("/compatibility/subjects/check-all-value/versions", schemaBody(COURSE_WITH_INT_NUMBER));

        assertThat(againstLatest.json().path("is_compatible").asBoolean()).isTrue();
        assertThat(againstAll.json().path("is_compatible").asBoolean()).isFalse();
    }

    @Test
    void shouldAnswerCompatibilityQuestionsAboutUnknownThingsWithErrors() {
        http.registerId("check-errors-value", COURSE_V1);

        var unknownSubject = http.post("/compatibility/subjects/nobody-value/versions/latest", schemaBody(COURSE_V1));
        var unknownVersion = http.post("/compatibility/subjects/check-errors-value/versions/7", schemaBody(COURSE_V1));
        var invalidVersion = http.post("/compatibility/subjects/check-errors-value/versions/first", schemaBody(COURSE_V1));
        var invalidSchema = http.post("/compatibility/subjects/check-errors-value/versions/latest", schemaBody(NOT_A_SCHEMA));

        assertThat(unknownSubject.status()).isEqualTo(404);
        assertThat(unknownSubject.errorCode()).isEqualTo(40401);
        assertThat(unknownVersion.status()).isEqualTo(404);
        assertThat(unknownVersion.errorCode()).isEqualTo(40402);
        assertThat(invalidVersion.errorCode()).isEqualTo(42202);
        assertThat(invalidSchema.status()).isEqualTo(422);
        assertThat(invalidSchema.errorCode()).isEqualTo(42201);
    }
}
