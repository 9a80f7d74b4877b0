package dk.amu.catalogue.ingest.web;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.Random;
import java.util.function.Supplier;

import com.fasterxml.jackson.databind.JsonNode;
import dk.amu.catalogue.ingest.support.DocumentVariants;
import dk.amu.catalogue.ingest.support.IndependentEventReader.Event;
import dk.amu.catalogue.ingest.support.IngestTest;
import dk.amu.catalogue.ingest.support.SettledLog;
import dk.amu.catalogue.ingest.support.UploadClient;
import dk.amu.catalogue.testkit.CatalogueInfrastructure;
import dk.amu.catalogue.testkit.FixtureDocuments;
import dk.amu.catalogue.testkit.MutableClock;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.MediaType;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.web.client.RestClient;

import static dk.amu.catalogue.ingest.support.DocumentVariants.lineOf;
import static dk.amu.catalogue.testkit.FixtureDocuments.bytes;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every way an upload can be wrong, over HTTP: the operator gets the right status and an RFC 9457
 * problem that says what to fix, and neither topic gains a single record, not even an aborted one.
 */
@IngestTest
class BadInputTests {

    static final String ROW = "20925 Kommunikation i en bæredygtig virksomhed AD 2,0 ";

    @Autowired
    MutableClock clock;

    @LocalServerPort
    int port;

    UploadClient client;

    SettledLog log;

    String fkb = DocumentVariants.uniqueFkb("bad-input");

    String document = DocumentVariants.videnOpenEnded();

    @BeforeEach
    void setUp() {
        clock.setTo(LocalDate.of(2025, 3, 1));
        client = new UploadClient(port, "s3cret");
        log = new SettledLog(CatalogueInfrastructure.running());
    }

    @Test
    void shouldRejectAnEmptyFile() {
        var problem = rejected(422, () -> client.upload(fkb, "empty.txt", new byte[0]));

        assertThat(problem.get("detail").asText()).isEqualTo("the file is empty");
    }

    @Test
    void shouldRejectBinaryGarbage() {
        var garbage = new byte[4096];
        new Random(42).nextBytes(garbage);

        var problem = rejected(422, () -> client.upload(fkb, "upload.bin", garbage));

        assertThat(problem.get("detail").asText()).contains("neither a PDF nor readable text");
    }

    @Test
    void shouldRejectAPdfCutOffInTransfer() {
        var pdf = DocumentVariants.pdf(document.lines().limit(40).toList());

        var problem = rejected(422, () -> client.upload(fkb, "viden.pdf", Arrays.copyOf(pdf, 200)));

        assertThat(problem.get("detail").asText()).isEqualTo("the PDF could not be read: it is truncated (no %%EOF at the end)");
    }

    @Test
    void shouldRejectADocumentWithoutTheTable() {
        var withoutTable = String.join("\n", document.lines().limit(lineOf(document, "Aktuelt tilkoblede mål") - 1).toList());

        var problem = rejected(422, () -> client.upload(fkb, "viden.txt", bytes(withoutTable)));

        assertThat(problem.get("detail").asText()).contains("no table 'Aktuelt tilkoblede mål'");
    }

    @Test
    void shouldRejectAnImpossibleDateNamingItsLine() {
        var edited = FixtureDocuments.withRow(document, "20925", ROW + "31-02-2025 og fremefter");
        int line = lineOf(edited, "20925");

        var problem = rejected(422, () -> client.upload(fkb, "viden.txt", bytes(edited)));

        assertThat(problem.get("detail").asText()).isEqualTo("line " + line + ": impossible date 31-02-2025 for course 20925");
        assertThat(problem.get("line").asInt()).isEqualTo(line);
    }

    @Test
    void shouldRejectAnEndDateBeforeTheStartDate() {
        var edited = FixtureDocuments.withRow(document, "20925", ROW + "19-12-2024 til 18-12-2024");
        int line = lineOf(edited, "20925");

        var problem = rejected(422, () -> client.upload(fkb, "viden.txt", bytes(edited)));

        assertThat(problem.get("detail").asText())
                .isEqualTo("line " + line + ": end date 18-12-2024 is before start date 19-12-2024 for course 20925");
    }

    @Test
    void shouldRejectTheSameCourseTwiceWithDifferentData() {
        var edited = FixtureDocuments.withRow(document, "20925",
                ROW + "19-12-2024 og fremefter\n" + ROW.replace("2,0", "3,0") + "19-12-2024 og fremefter");
        int first = lineOf(edited, "20925");

        var problem = rejected(422, () -> client.upload(fkb, "viden.txt", bytes(edited)));

        assertThat(problem.get("detail").asText()).isEqualTo("line " + (first + 1)
                + ": course 20925 appears twice with different duration (first at line " + first + ")");
    }

    @Test
    void shouldRejectAnUnknownPeriodPhrase() {
        var edited = FixtureDocuments.withRow(document, "20925", ROW + "19-12-2024 indtil videre");
        int line = lineOf(edited, "20925");

        var problem = rejected(422, () -> client.upload(fkb, "viden.txt", bytes(edited)));

        assertThat(problem.get("detail").asText()).startsWith("line " + line + ": unknown period phrase '19-12-2024 indtil videre' for course 20925");
    }

    @Test
    void shouldAskForTheFilePartWhenItIsMissing() {
        var problem = rejected(400, () -> client.upload(fkb, null, null));

        assertThat(problem.get("detail").asText()).contains("multipart form field 'file'");
    }

    @Test
    void shouldRefuseAnInvalidFkbCode() {
        var problem = rejected(400, () -> client.upload("bad code!", "viden.txt", bytes(document)));

        assertThat(problem.get("detail").asText()).startsWith("FKB code 'bad code!' is not valid");
    }

    @Test
    void shouldDemandTheAdminTokenWithAChallenge() {
        var missing = rejected(401, () -> client.upload(fkb, "viden.txt", bytes(document), null, false, null));
        var wrong = rejected(401, () -> client.upload(fkb, "viden.txt", bytes(document), null, false, "guess"));

        assertThat(missing.get("detail").asText()).isEqualTo("send the admin token as 'Authorization: Bearer <token>'");
        assertThat(wrong.get("detail").asText()).isEqualTo("the admin token is not valid");
        assertThat(challengeFor(null)).isEqualTo("Bearer");
        assertThat(challengeFor("guess")).isEqualTo("Bearer");
    }

    @Test
    void shouldHoldBackADocumentThatLosesMostRowsUntilForced() {
        assertThat(client.upload(fkb, "viden.txt", bytes(document)).status()).isEqualTo(200);
        var courses = DocumentVariants.courseNumbers(document);
        var removed = courses.subList(0, courses.size() / 2 + 3);
        var shrunk = FixtureDocuments.withoutCourses(document, removed.toArray(String[]::new));

        var problem = rejected(409, () -> client.upload(fkb, "shrunk.txt", bytes(shrunk)));
        assertThat(problem.get("detail").asText()).contains("lacks " + removed.size() + " of the " + courses.size() + " links")
                .contains("force=true");
        assertThat(problem.get("missingLinks").asInt()).isEqualTo(removed.size());

        var forced = client.upload(fkb, "shrunk.txt", bytes(shrunk), null, true, "s3cret");
        assertThat(forced.status()).as("%s", forced.body()).isEqualTo(200);
        var unlinked = log.events(fkb).stream().filter(e -> e.type().equals("CourseUnlinked")).toList();
        assertThat(unlinked).extracting(Event::courseNumber).containsExactlyElementsOf(removed);
        assertThat(forced.body().get("counts").get("CourseUnlinked").asInt()).isEqualTo(removed.size());
    }

    @Test
    void shouldHoldBackAnotherFkbsDocumentUntilForced() {
        assertThat(client.upload(fkb, "viden.txt", bytes(document)).status()).isEqualTo(200);

        // that document does not name its FKB; its competences are all another FKB's
        var problem = rejected(409, () -> client.upload(fkb, "offentlig.txt", bytes(FixtureDocuments.offentlig())));
        assertThat(problem.get("detail").asText())
                .startsWith("document keeps none of the 8 competences of FKB " + fkb + " ('Viden- og forretningsservice')")
                .contains("force=true");

        var forced = client.upload(fkb, "offentlig.txt", bytes(FixtureDocuments.offentlig()), null, true, "s3cret");
        assertThat(forced.status()).as("%s", forced.body()).isEqualTo(200);
        assertThat(log.events(fkb).stream().filter(e -> e.type().equals("FkbRevised")).count()).isEqualTo(2);
    }

    @Test
    void shouldHoldBackADocumentNamingAnotherFkbUntilForced() {
        assertThat(client.upload(fkb, "viden.txt", bytes(document)).status()).isEqualTo(200);
        var renamed = document.replace("FKB Viden- og forretningsservice", "FKB Offentlig forvaltning");

        var problem = rejected(409, () -> client.upload(fkb, "renamed.txt", bytes(renamed)));
        assertThat(problem.get("detail").asText())
                .startsWith("document names FKB 'Offentlig forvaltning', but FKB " + fkb + " is 'Viden- og forretningsservice'")
                .contains("force=true");

        var forced = client.upload(fkb, "renamed.txt", bytes(renamed), null, true, "s3cret");
        assertThat(forced.status()).as("%s", forced.body()).isEqualTo(200);
        assertThat(forced.body().get("counts").get("FkbRevised").asInt()).isEqualTo(1);
    }

    /** Asserts the status, the problem format and that nothing reached either topic; returns the problem. */
    private JsonNode rejected(int status, Supplier<UploadClient.Response> upload) {
        var before = log.endOffsets();
        var response = upload.get();
        assertThat(response.status()).as("%s", response.body()).isEqualTo(status);
        assertThat(MediaType.parseMediaType(response.contentType()).isCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .as(response.contentType()).isTrue();
        assertThat(response.body().get("status").asInt()).isEqualTo(status);
        assertThat(response.body().get("title").asText()).isNotBlank();
        assertThat(log.endOffsets()).as("log-end offsets of %s", SettledLog.CATALOGUE_TOPICS).isEqualTo(before);
        return response.body();
    }

    /** The WWW-Authenticate header of an upload with this bearer token (none when null). */
    private String challengeFor(String bearer) {
        var form = new LinkedMultiValueMap<String, Object>();
        form.add("file", new ByteArrayResource(bytes(document)) {
            @Override
            public String getFilename() {
                return "viden.txt";
            }
        });
        var request = RestClient.create("http://127.0.0.1:" + port).post().uri("/api/fkbs/{fkb}/documents", fkb)
                .contentType(MediaType.MULTIPART_FORM_DATA).body(form);
        if (bearer != null) {
            request = request.header("Authorization", "Bearer " + bearer);
        }
        return request.exchange((req, res) -> res.getHeaders().getFirst("WWW-Authenticate"));
    }
}
