package dk.amu.catalogue.registry;


import org.apache.avro.Schema;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static dk.amu.catalogue.registry.RegistryHttp.encode;
import static dk.amu.catalogue.registry.RegistryHttp.schemaBody;
import static dk.amu.catalogue.registry.TestSchemas.COURSE_V1;
import static dk.amu.catalogue.registry.TestSchemas.COURSE_WITH_TITLE;
import static org.assertj.core.api.Assertions.assertThat;

/** The read side and the HTTP protocol: lookups, ids, versions, content types and error shapes. Each test uses its own subjects. */
class RestApiTests {



    static EmbeddedSchemaRegistry registry;

    static RegistryHttp http;

    @BeforeAll
    static void startRegistry() {
        registry = EmbeddedSchemaRegistry.start(SharedBroker.registrySettings(RestApiTests.class));
        http = new RegistryHttp(registry.url());
    }

    @AfterAll
    static void stopRegistry() {
        registry.close();
    }

    @Test
    void shouldServeOnTheLoopbackUrlItReports() {
        assertThat(registry.url()).isEqualTo("http://127.0.0.1:" + registry.port());
        assertThat(registry.port()).isPositive();
        var root = http.get("/");
        assertThat(root.status()).isEqualTo(200);
        assertThat(root.json().isObject()).isTrue();
    }

    @Test
    void shouldLookUpASchemaUnderASubject() {
        http.registerId("lookup-value", COURSE_V1);
        int id = http.registerId("lookup-value", COURSE_WITH_TITLE);

        var reply = http.post("/subjects/lookup-value", schemaBody(COURSE_WITH_TITLE));

        assertThat(reply.status()).isEqualTo(200);
        var body = reply.json();
        assertThat(body.path("subject").asText()).isEqualTo("lookup-value");
        assertThat(body.path("version").asInt()).isEqualTo(2);
        assertThat(body.path("id").asInt()).isEqualTo(id);
        assertThat(body.path("schema").asText()).isEqualTo(new Schema.Parser().parse(COURSE_WITH_TITLE).toString());
    }

    @Test
    void shouldAnswerALookupOfAnUnknownSubjectOrSchemaWithNotFound() {
        http.registerId("lookup-miss-value", COURSE_V1);

        var unknownSubject = http.post("/subjects/nobody-value", schemaBody(COURSE_V1));
        var unknownSchema = http.post("/subjects/lookup-miss-value", schemaBody(COURSE_WITH_TITLE));

        assertThat(unknownSubject.status()).isEqualTo(404);
        assertThat(unknownSubject.errorCode()).isEqualTo(40401);
        assertThat(unknownSubject.message()).isEqualTo("Subject 'nobody-value' not found.");
        assertThat(unknownSchema.status()).isEqualTo(404);
        assertThat(unknownSchema.errorCode()).isEqualTo(40403);
        assertThat(unknownSchema.message()).isEqualTo("Schema not found");
    }

    @Test
    void shouldServeASchemaByItsIdWithoutASchemaType() {
        int id = http.registerId("by-id-value", COURSE_V1);

        var reply = http.get("/schemas/ids/" + id);

        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.json().fieldNames()).toIterable().containsExactly("schema");
        assertThat(reply.json().path("schema").asText()).isEqualTo(new Schema.Parser().parse(COURSE_V1).toString());
        assertThat(new Schema.Parser().parse(http.get("/schemas/ids/" + id + "/schema").text()))
                .isEqualTo(new Schema.Parser().parse(COURSE_V1));
    }

    @Test
    void shouldAnswerAnUnknownIdWithSchemaNotFound() {
        var reply = http.get("/schemas/ids/1234");

        assertThat(reply.status()).isEqualTo(404);
        assertThat(reply.errorCode()).isEqualTo(40403);
        assertThat(reply.message()).isEqualTo("Schema 1234 not found");
        assertThat(http.get("/schemas/ids/1234/versions").errorCode()).isEqualTo(40403);
        assertThat(http.get("/schemas/ids/abc").status()).isEqualTo(404);
    }

    @Test
    void shouldListSubjectsAndTheirVersions() {
        http.registerId("listed-value", COURSE_V1);

        var subjects = http.get("/subjects");
        var unknown = http.get("/subjects/unlisted-value/versions");

        assertThat(subjects.status()).isEqualTo(200);
        assertThat(subjects.json().isArray()).isTrue();
        assertThat(subjects.json().toString()).contains("\"listed-value\"");
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.errorCode()).isEqualTo(40401);
        assertThat(unknown.message()).isEqualTo("Subject 'unlisted-value' not found.");
    }

    @Test
    void shouldServeAVersionByNumberOrAsLatest() {
        int id = http.registerId("versioned-value", COURSE_V1);
        http.registerId("versioned-value", COURSE_WITH_TITLE);

        var first = http.get("/subjects/versioned-value/versions/1").json();
        var raw = http.get("/subjects/versioned-value/versions/latest/schema");

        assertThat(first.path("version").asInt()).isEqualTo(1);
        assertThat(first.path("id").asInt()).isEqualTo(id);
        assertThat(http.get("/subjects/versioned-value/versions/-1").json().path("version").asInt()).isEqualTo(2);
        assertThat(raw.status()).isEqualTo(200);
        assertThat(new Schema.Parser().parse(raw.text())).isEqualTo(new Schema.Parser().parse(COURSE_WITH_TITLE));
    }

    @Test
    void shouldAnswerUnknownAndInvalidVersionsLikeConfluent() {
        http.registerId("version-errors-value", COURSE_V1);

        var unknownVersion = http.get("/subjects/version-errors-value/versions/9");
        var unknownSubject = http.get("/subjects/no-versions-value/versions/latest");
        var invalid = http.get("/subjects/version-errors-value/versions/-x");
        var zero = http.get("/subjects/version-errors-value/versions/0");

        assertThat(unknownVersion.status()).isEqualTo(404);
        assertThat(unknownVersion.errorCode()).isEqualTo(40402);
        assertThat(unknownVersion.message()).isEqualTo("Version 9 not found.");
        assertThat(unknownSubject.errorCode()).isEqualTo(40401);
        assertThat(invalid.status()).isEqualTo(422);
        assertThat(invalid.errorCode()).isEqualTo(42202);
        assertThat(invalid.message()).startsWith("The specified version '-x' is not a valid version id.");
        assertThat(zero.errorCode()).isEqualTo(42202);
    }

    @Test
    void shouldAcceptTheRegistryAndJsonContentTypesAndAnswerInTheRegistryType() {
        var body = schemaBody(COURSE_V1);
        for (var contentType : new String[] {"application/vnd.schemaregistry.v1+json", "application/vnd.schemaregistry+json",
                "application/json", "application/json; charset=utf-8", null}) {
            var reply = http.send("POST", "/subjects/content-types-value/versions", body, contentType);
            assertThat(reply.status()).as("content type %s", contentType).isEqualTo(200);
            assertThat(reply.contentType()).isEqualTo(RegistryHttp.V1_JSON);
        }
        var plain = http.send("POST", "/subjects/content-types-value/versions", body, "text/plain");
        assertThat(plain.status()).isEqualTo(415);
        assertThat(plain.errorCode()).isEqualTo(415);
    }

    @Test
    void shouldAnswerUnknownPathsAndWrongMethodsWithJsonErrors() {
        var unknown = http.get("/no/such/path");
        var wrongMethod = http.delete("/schemas/types");
        var wrongMethodOnSubjects = http.send("PUT", "/subjects", "{}", RegistryHttp.V1_JSON);

        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.errorCode()).isEqualTo(404);
        assertThat(unknown.message()).isEqualTo("HTTP 404 Not Found");
        assertThat(unknown.contentType()).isEqualTo(RegistryHttp.V1_JSON);
        assertThat(wrongMethod.status()).isEqualTo(405);
        assertThat(wrongMethod.errorCode()).isEqualTo(405);
        assertThat(wrongMethodOnSubjects.status()).isEqualTo(405);
    }

    @Test
    void shouldAnswerAMalformedBodyWithABadRequest() {
        var malformed = http.post("/subjects/malformed-value/versions", "{\"schema\": ");
        var notAnObject = http.post("/subjects/malformed-value/versions", "[1, 2]");
        var schemaNotAString = http.post("/subjects/malformed-value/versions", "{\"schema\": {\"type\": \"string\"}}");

        assertThat(malformed.status()).isEqualTo(400);
        assertThat(malformed.errorCode()).isEqualTo(400);
        assertThat(notAnObject.status()).isEqualTo(422);
        assertThat(schemaNotAString.status()).isEqualTo(422);
    }

    @Test
    void shouldDecodeUrlEncodedSubjectNames() {
        var subject = "amu.catalogue/events v1+value";

        int id = http.registerId(subject, COURSE_V1);

        assertThat(http.get("/subjects").json().toString()).contains("\"amu.catalogue/events v1+value\"");
        var latest = http.get("/subjects/" + encode(subject) + "/versions/latest").json();
        assertThat(latest.path("subject").asText()).isEqualTo(subject);
        assertThat(latest.path("id").asInt()).isEqualTo(id);
    }
}
