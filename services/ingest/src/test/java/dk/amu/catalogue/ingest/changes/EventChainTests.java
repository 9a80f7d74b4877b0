package dk.amu.catalogue.ingest.changes;

import dk.amu.catalogue.eventlog.AvroBinary;
import dk.amu.catalogue.eventlog.EventChain;
import static dk.amu.catalogue.ingest.changes.Fixtures.FKB;
import static dk.amu.catalogue.ingest.changes.Fixtures.RECORDED_AT;
import static dk.amu.catalogue.ingest.changes.Fixtures.link;
import static dk.amu.catalogue.ingest.changes.Fixtures.origin;
import static dk.amu.catalogue.ingest.changes.Fixtures.sha;
import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.security.MessageDigest;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;

import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.EncoderFactory;
import org.apache.avro.specific.SpecificDatumWriter;
import org.junit.jupiter.api.Test;

import dk.amu.catalogue.events.v1.CatalogueEvent;
import dk.amu.catalogue.events.v1.CourseLinked;
import dk.amu.catalogue.ingest.document.FkbDocument;

class EventChainTests {

    private static final LocalDate BUSINESS_DATE = LocalDate.of(2025, 3, 1);

    private final List<CatalogueEvent> chain = new CatalogueDiff().diff(FKB, null,
            new FkbDocument("Viden- og forretningsservice", List.of("Markedsføring"), List.of(
                    link("47298", "Referat- og notatteknik", "2024-12-19", null),
                    link("47299", "Skriftlig kommunikation - sprog og sprogbrug", "2024-12-19", "2025-06-30"))),
            null, origin(sha('a')), RECORDED_AT, BUSINESS_DATE).events();

    @Test
    void shouldStartTheChainAtSequenceOneWithSixtyFourZeros() {
        assertThat(chain).extracting(CatalogueEvent::getSequence).containsExactly(1L, 2L, 3L);
        assertThat(chain.get(0).getPreviousHash()).isEqualTo("0".repeat(64)).isEqualTo(EventChain.GENESIS_HASH);
        assertThat(chain.get(1).getPreviousHash()).isEqualTo(chain.get(0).getHash());
        assertThat(chain.get(2).getPreviousHash()).isEqualTo(chain.get(1).getHash());
    }

    @Test
    void shouldHashThePreviousHashFollowedByTheAvroEncodingWithAnEmptyHash() throws Exception {
        CatalogueEvent event = chain.get(1);
        CatalogueEvent unhashed = new CatalogueEvent(event.getEventId(), event.getFkbCode(), event.getSequence(),
                event.getPreviousHash(), "", event.getRecordedAt(), event.getEffectiveDate(), event.getSource(),
                event.getPayload());
        ByteArrayOutputStream avro = new ByteArrayOutputStream();
        BinaryEncoder encoder = EncoderFactory.get().directBinaryEncoder(avro, null);
        new SpecificDatumWriter<CatalogueEvent>(CatalogueEvent.getClassSchema(), event.getSpecificData())
                .write(unhashed, encoder);
        MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
        sha256.update(event.getPreviousHash().getBytes(UTF_8));
        sha256.update(avro.toByteArray());

        assertThat(event.getHash()).isEqualTo(HexFormat.of().formatHex(sha256.digest())).matches("[0-9a-f]{64}");
    }

    @Test
    void shouldDeriveTheEventIdFromFkbSequenceTypeContentDateAndDocument() throws Exception {
        CatalogueEvent event = chain.get(1);
        CourseLinked payload = (CourseLinked) event.getPayload();
        ByteArrayOutputStream avro = new ByteArrayOutputStream();
        BinaryEncoder encoder = EncoderFactory.get().directBinaryEncoder(avro, null);
        new SpecificDatumWriter<CourseLinked>(CourseLinked.getClassSchema(), payload.getSpecificData())
                .write(payload, encoder);
        String canonical = FKB + "\n2\nCourseLinked\n" + HexFormat.of().formatHex(avro.toByteArray())
                + "\n2024-12-19\n" + sha('a');

        assertThat(event.getEventId()).isEqualTo(UUID.nameUUIDFromBytes(canonical.getBytes(UTF_8)).toString());
    }

    @Test
    void shouldKeepEventIdsWhenOnlyRecordTimeOrIngestionIdDiffer() {
        DocumentOrigin rerun = new DocumentOrigin(sha('a'), "elsewhere.pdf", "another-run");
        List<CatalogueEvent> again = new CatalogueDiff().diff(FKB, null,
                new FkbDocument("Viden- og forretningsservice", List.of("Markedsføring"), List.of(
                        link("47298", "Referat- og notatteknik", "2024-12-19", null),
                        link("47299", "Skriftlig kommunikation - sprog og sprogbrug", "2024-12-19", "2025-06-30"))),
                null, rerun, RECORDED_AT.plusSeconds(3600), BUSINESS_DATE).events();

        assertThat(again).extracting(CatalogueEvent::getEventId)
                .containsExactlyElementsOf(chain.stream().map(CatalogueEvent::getEventId).toList());
    }

    @Test
    void shouldVerifyTheChainItProduced() {
        assertThat(EventChain.verify(chain)).isTrue();
        assertThat(EventChain.verify(List.of())).isTrue();
    }

    @Test
    void shouldVerifyTheChainAfterAnAvroRoundTrip() {
        List<CatalogueEvent> decoded = chain.stream().map(e -> AvroRoundTrip.decode(AvroBinary.encode(e))).toList();

        assertThat(decoded).isEqualTo(chain);
        assertThat(EventChain.verify(decoded)).isTrue();
    }

    @Test
    void shouldRejectAChainWithAGap() {
        assertThat(EventChain.verify(List.of(chain.get(0), chain.get(2)))).isFalse();
    }

    @Test
    void shouldRejectAChainThatDoesNotStartAtOne() {
        assertThat(EventChain.verify(chain.subList(1, 3))).isFalse();
    }

    @Test
    void shouldRejectAChainWithATamperedPayload() {
        List<CatalogueEvent> tampered = copy(chain);
        ((CourseLinked) tampered.get(1).getPayload()).getLink().setTitle("Forged");

        assertThat(EventChain.verify(tampered)).isFalse();
    }

    @Test
    void shouldRejectAnEventWhoseHashWasRecomputedOverAForgedEventId() {
        List<CatalogueEvent> forged = copy(chain);
        CatalogueEvent event = forged.get(2);
        event.setEventId(UUID.randomUUID().toString());
        event.setHash(EventChain.hashOf(event));

        assertThat(EventChain.verify(forged)).isFalse();
    }

    @Test
    void shouldRejectAChainWithABrokenLink() {
        List<CatalogueEvent> broken = copy(chain);
        broken.get(1).setPreviousHash(sha('f'));
        broken.get(1).setHash(EventChain.hashOf(broken.get(1)));

        assertThat(EventChain.verify(broken)).isFalse();
    }

    @Test
    void shouldRejectEventsOfAnotherFkb() {
        List<CatalogueEvent> mixed = copy(chain);
        CatalogueEvent other = mixed.get(1);
        other.setFkbCode("OTHER");
        other.setEventId(EventChain.eventIdOf(other));
        other.setHash(EventChain.hashOf(other));
        mixed.get(2).setPreviousHash(other.getHash());
        mixed.get(2).setHash(EventChain.hashOf(mixed.get(2)));

        assertThat(EventChain.verify(mixed)).isFalse();
    }

    private static List<CatalogueEvent> copy(List<CatalogueEvent> events) {
        return new ArrayList<>(events.stream().map(e -> AvroRoundTrip.decode(AvroBinary.encode(e))).toList());
    }
}
