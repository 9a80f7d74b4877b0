package dk.amu.catalogue.ingest.ingestion;

import static dk.amu.catalogue.testkit.FixtureDocuments.bytes;
import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.time.LocalDate;
import java.util.List;
import java.util.stream.Stream;

import org.apache.avro.generic.GenericRecord;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts.FontName;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import dk.amu.catalogue.ingest.support.DocumentVariants;
import dk.amu.catalogue.ingest.support.ExpectedFixture;
import dk.amu.catalogue.ingest.support.IndependentEventReader.Event;
import dk.amu.catalogue.ingest.support.IngestTest;
import dk.amu.catalogue.ingest.support.SettledLog;
import dk.amu.catalogue.ingest.support.UploadClient;
import dk.amu.catalogue.ingest.support.WrappedPdf;
import dk.amu.catalogue.ingest.support.WrappedPdf.Layout;
import dk.amu.catalogue.testkit.CatalogueInfrastructure;
import dk.amu.catalogue.testkit.FixtureDocuments;
import dk.amu.catalogue.testkit.MutableClock;

/**
 * Both fixture documents printed to PDF at fonts and widths that wrap their rows, uploaded over HTTP:
 * as a new FKB they link every course of the document, and after the document's text they change
 * nothing. The viden document's two ending links are made open-ended, because the expiry clock of
 * other tests on the shared broker would otherwise expire them.
 */
@IngestTest
class WrappedPdfIngestionTests {

    @LocalServerPort
    int port;

    @Autowired
    MutableClock clock;

    UploadClient client;

    SettledLog log;

    static Stream<Arguments> documents() {
        return Stream.of(
                Arguments.of("offentlig-forvaltning", new Layout(FontName.TIMES_ROMAN, 16, 50)),
                Arguments.of("offentlig-forvaltning", new Layout(FontName.COURIER, 14, 45)),
                Arguments.of("viden-og-forretningsservice", new Layout(FontName.HELVETICA, 14, 50)),
                Arguments.of("viden-og-forretningsservice", new Layout(FontName.HELVETICA_OBLIQUE, 18, 40)));
    }

    @BeforeEach
    void setUp() {
        clock.setTo(LocalDate.of(2025, 3, 1));
        client = new UploadClient(port, "s3cret");
        log = new SettledLog(CatalogueInfrastructure.running());
    }

    @ParameterizedTest(name = "{0} printed in {1}")
    @MethodSource("documents")
    void shouldLinkEveryCourseWhenAWrappedPdfStartsAnFkb(String fixture, Layout layout) {
        String fkb = DocumentVariants.uniqueFkb("wrapped");

        var response = client.upload(fkb, fixture + ".pdf", WrappedPdf.print(text(fixture), layout));

        assertThat(response.status()).as("%s", response.body()).isEqualTo(200);
        assertThat(response.body().get("reading").get("method").asText()).isEqualTo("PDF_TEXT");
        List<Event> events = log.events(fkb);
        assertThat(events).first().extracting(Event::type).isEqualTo("FkbRevised");
        assertThat(events.subList(1, events.size())).extracting(WrappedPdfIngestionTests::link)
                .containsExactlyElementsOf(expected(fixture));
    }

    @ParameterizedTest(name = "{0} printed in {1}")
    @MethodSource("documents")
    void shouldChangeNothingWhenAWrappedPdfFollowsTheTextOfTheSameDocument(String fixture, Layout layout) {
        String fkb = DocumentVariants.uniqueFkb("wrapped");
        assertThat(client.upload(fkb, fixture + ".txt", bytes(text(fixture))).status()).isEqualTo(200);
        int before = log.events(fkb).size();

        var response = client.upload(fkb, fixture + ".pdf", WrappedPdf.print(text(fixture), layout));

        assertThat(response.status()).as("%s", response.body()).isEqualTo(200);
        assertThat(response.body().get("outcome").asText()).isEqualTo("UNCHANGED");
        assertThat(response.body().get("events")).isEmpty();
        assertThat(log.events(fkb)).hasSize(before);
    }

    private static String text(String fixture) {
        return fixture.startsWith("viden") ? DocumentVariants.videnOpenEnded() : FixtureDocuments.offentlig();
    }

    private static List<String> expected(String fixture) {
        return ExpectedFixture.links(fixture).stream().map(link -> describe(link.getCourseNumber(), link.getTitle(),
                link.getEuu(), link.getDurationDays(), link.getLinkedFrom())).toList();
    }

    // the viden variant is open-ended throughout, so the end date is left out of the comparison and checked apart
    private static String link(Event event) {
        assertThat(event.type()).isEqualTo("CourseLinked");
        GenericRecord link = (GenericRecord) ((GenericRecord) event.record().get("payload")).get("link");
        assertThat(link.get("linkedTo")).isNull();
        ByteBuffer duration = ((ByteBuffer) link.get("durationDays")).duplicate();
        byte[] unscaled = new byte[duration.remaining()];
        duration.get(unscaled);
        return describe(link.get("courseNumber").toString(), link.get("title").toString(),
                link.get("euu").toString(), new BigDecimal(new BigInteger(unscaled), 1),
                LocalDate.ofEpochDay((Integer) link.get("linkedFrom")));
    }

    private static String describe(String number, String title, String euu, BigDecimal days, LocalDate from) {
        return String.join(" | ", number, title, euu, days.toPlainString(), from.toString());
    }
}
