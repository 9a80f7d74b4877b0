package dk.amu.catalogue.ingest;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;

import com.fasterxml.jackson.databind.ObjectMapper;
import dk.amu.catalogue.ingest.expiry.ExpiryClock;
import dk.amu.catalogue.ingest.support.IndependentEventReader.Event;
import dk.amu.catalogue.ingest.support.IngestTest;
import dk.amu.catalogue.ingest.support.SettledLog;
import dk.amu.catalogue.ingest.support.UploadClient;
import dk.amu.catalogue.testkit.CatalogueInfrastructure;
import dk.amu.catalogue.testkit.FixtureDocuments;
import dk.amu.catalogue.testkit.MutableClock;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericDatumWriter;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.io.EncoderFactory;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.web.client.RestClient;

import static dk.amu.catalogue.testkit.FixtureDocuments.bytes;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/**
 * The revision timeline of DESIGN.md end to end over HTTP: an earlier revision of "Viden- og
 * forretningsservice", the fixture, a later one, with the clock moved past 30-06-2025. What lands
 * on the events topic is read back without the project's code.
 */
@IngestTest
class IngestionTimelineTests {

    static final String ENDED = "47299 Skriftlig kommunikation - sprog og sprogbrug AD 2,0 19-12-2024 til 30-06-2025";

    @LocalServerPort
    int port;

    @Autowired
    MutableClock clock;

    @Autowired
    ExpiryClock expiryClock;

    UploadClient client;

    SettledLog log;

    String fkb = "viden-" + UUID.randomUUID().toString().substring(0, 8);

    @BeforeEach
    void setUp() {
        clock.setTo(LocalDate.of(2025, 3, 1));
        client = new UploadClient(port, "s3cret");
        log = new SettledLog(CatalogueInfrastructure.running());
    }

    @Test
    void shouldEmitExactlyTheChangesBetweenRevisionsAndEachExpiryOnce() throws Exception {
        var fixture = FixtureDocuments.viden();
        var earlier = FixtureDocuments.withoutCourses(fixture, "22487", "22598", "22634")
                .replace("til 30-06-2025", "og fremefter");
        var later = FixtureDocuments.withRow(FixtureDocuments.withoutCourses(fixture, "47299", "47300"),
                "45959", "45959 Likviditetsstyring AD 2,0 19-12-2024 og fremefter");

        clock.setTo(LocalDate.of(2025, 3, 1));
        assertThat(ingestTwice("earlier.txt", earlier)).isEqualTo(92);
        var first = log.events(fkb);
        assertThat(first).extracting(Event::type).containsOnly("FkbRevised", "CourseLinked");
        assertThat(first).filteredOn(e -> e.type().equals("CourseLinked")).hasSize(91);

        clock.setTo(LocalDate.of(2025, 5, 1));
        assertThat(ingestTwice("fixture.txt", fixture)).isEqualTo(6);

        clock.setTo(LocalDate.of(2025, 6, 30));
        assertThat(expiryClock.runOnce()).isEmpty();
        clock.setTo(LocalDate.of(2025, 7, 1).atStartOfDay(MutableClock.CATALOGUE_ZONE).toInstant().plusSeconds(1));
        assertThat(expiryClock.runOnce()).hasSize(2);
        assertThat(expiryClock.runOnce()).isEmpty();

        clock.setTo(LocalDate.of(2025, 9, 1));
        assertThat(ingestTwice("later.txt", later)).isEqualTo(2);

        var events = log.events(fkb);
        assertThat(events.subList(92, events.size()))
                .extracting(Event::type, Event::courseNumber, Event::effectiveDate)
                .containsExactly(
                        tuple("FkbRevised", null, LocalDate.of(2025, 5, 1)),
                        tuple("CourseLinked", "22487", LocalDate.of(2025, 1, 28)),
                        tuple("CourseLinked", "22598", LocalDate.of(2025, 2, 12)),
                        tuple("CourseLinked", "22634", LocalDate.of(2025, 4, 11)),
                        tuple("CourseLinkEndScheduled", "47299", LocalDate.of(2025, 5, 1)),
                        tuple("CourseLinkEndScheduled", "47300", LocalDate.of(2025, 5, 1)),
                        tuple("CourseLinkExpired", "47299", LocalDate.of(2025, 7, 1)),
                        tuple("CourseLinkExpired", "47300", LocalDate.of(2025, 7, 1)),
                        tuple("FkbRevised", null, LocalDate.of(2025, 9, 1)),
                        tuple("CourseDetailsChanged", "45959", LocalDate.of(2025, 9, 1)));
        assertThat(successorOf(events, "CourseLinkEndScheduled", "47299")).isEqualTo("22487");
        assertGaplessChain(events);
        assertThat(events).extracting(Event::eventId).doesNotHaveDuplicates();
        assertSummaryMatches(events);
    }

    /** GET /api/fkbs/{code} tells the operator the FKB's state and the head of its chain, as the log has it. */
    private void assertSummaryMatches(List<Event> events) throws Exception {
        var http = RestClient.create("http://127.0.0.1:" + port);
        var summary = new ObjectMapper().readTree(http.get().uri("/api/fkbs/{fkb}", fkb).retrieve().body(String.class));
        assertThat(summary.get("links").asInt()).isEqualTo(92);
        assertThat(summary.get("events").asLong()).isEqualTo(events.size());
        assertThat(summary.get("headHash").asText()).isEqualTo(events.get(events.size() - 1).hash());
        assertThat(summary.get("documentName").asText()).isEqualTo("later.txt");
        var unknown = http.get().uri("/api/fkbs/{fkb}", "no-such-fkb").exchange((request, response) -> response.getStatusCode().value());
        assertThat(unknown).isEqualTo(404);
    }

    /** Ingests a document, then the same document again, which must change nothing. */
    private int ingestTwice(String name, String document) {
        var response = client.upload(fkb, name, bytes(document));
        assertThat(response.status()).as("%s", response.body()).isEqualTo(200);
        var again = client.upload(fkb, name, bytes(document));
        assertThat(again.status()).isEqualTo(200);
        assertThat(again.body().get("outcome").asText()).isEqualTo("UNCHANGED");
        assertThat(again.body().get("reading").get("method").asText()).isEqualTo("TEXT");
        assertThat(again.body().get("events")).isEmpty();
        return response.body().get("events").size();
    }

    private static String successorOf(List<Event> events, String type, String course) {
        var event = events.stream().filter(e -> e.type().equals(type) && course.equals(e.courseNumber())).findFirst().orElseThrow();
        var payload = (GenericRecord) event.record().get("payload");
        var successor = (GenericRecord) payload.get("successor");
        return successor == null ? null : successor.get("courseNumber").toString();
    }

    /** Gapless sequences, and every hash recomputed from the record as written: writer schema, hash set to "". */
    static void assertGaplessChain(List<Event> events) {
        var previousHash = "0".repeat(64);
        for (int i = 0; i < events.size(); i++) {
            var event = events.get(i);
            assertThat(event.sequence()).isEqualTo(i + 1);
            assertThat(event.previousHash()).isEqualTo(previousHash);
            assertThat(recomputedHash(event)).as("hash of sequence %d", event.sequence()).isEqualTo(event.hash());
            previousHash = event.hash();
        }
    }

    private static String recomputedHash(Event event) {
        var schema = event.record().getSchema();
        var unsealed = GenericData.get().deepCopy(schema, event.record());
        unsealed.put("hash", "");
        try {
            var bytes = new ByteArrayOutputStream();
            var encoder = EncoderFactory.get().directBinaryEncoder(bytes, null);
            new GenericDatumWriter<GenericRecord>(schema).write(unsealed, encoder);
            var digest = MessageDigest.getInstance("SHA-256");
            digest.update(event.previousHash().getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest.digest(bytes.toByteArray()));
        }
        catch (IOException | NoSuchAlgorithmException ex) {
            throw new IllegalStateException(ex);
        }
    }
}
