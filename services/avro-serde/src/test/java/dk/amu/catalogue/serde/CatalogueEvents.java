package dk.amu.catalogue.serde;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import dk.amu.catalogue.events.v1.CatalogueEvent;
import dk.amu.catalogue.events.v1.CourseDetails;
import dk.amu.catalogue.events.v1.CourseDetailsChanged;
import dk.amu.catalogue.events.v1.CourseLinkEndScheduled;
import dk.amu.catalogue.events.v1.CourseLinked;
import dk.amu.catalogue.events.v1.EventSource;
import dk.amu.catalogue.events.v1.FkbRevised;
import dk.amu.catalogue.events.v1.SuccessorHint;
import dk.amu.catalogue.snapshots.v1.CatalogueSnapshot;
import dk.amu.catalogue.snapshots.v1.CourseLink;
import dk.amu.catalogue.snapshots.v1.ExpiredLink;

/** Realistic catalogue records from the FKB "Viden- og forretningsservice". */
final class CatalogueEvents {

    static final String FKB = "2741";

    static final String ZERO_HASH = "0".repeat(64);

    private CatalogueEvents() {
    }

    static CourseLink writtenCommunication() {
        return CourseLink.newBuilder()
                .setCourseNumber("47299")
                .setTitle("Skriftlig kommunikation - sprog og sprogbrug")
                .setEuu("AD")
                .setDurationDays(new BigDecimal("2.0"))
                .setLinkedFrom(LocalDate.of(2024, 12, 19))
                .setLinkedTo(LocalDate.of(2025, 6, 30))
                .build();
    }

    static CourseLink successor() {
        return CourseLink.newBuilder()
                .setCourseNumber("22487")
                .setTitle("Skriftlig kommunikation - sprog og sprogbrug")
                .setEuu("AD")
                .setDurationDays(new BigDecimal("2.5"))
                .setLinkedFrom(LocalDate.of(2025, 1, 28))
                .setLinkedTo(null)
                .build();
    }

    static EventSource source() {
        return EventSource.newBuilder()
                .setDocumentSha256("9f2c6a1be0d4c37f4a5e1b2d8c9f0a7e6d5c4b3a2918f7e6d5c4b3a291807f6e")
                .setDocumentName("fkb-2741-viden-og-forretningsservice.pdf")
                .setIngestionId("ingestion-2025-01-28T09:15:00Z")
                .build();
    }

    static CatalogueEvent courseLinked() {
        return event(1, LocalDate.of(2025, 1, 28), CourseLinked.newBuilder().setLink(successor()).build());
    }

    static CatalogueEvent endScheduled() {
        var payload = CourseLinkEndScheduled.newBuilder()
                .setCourseNumber("47299")
                .setTitle("Skriftlig kommunikation - sprog og sprogbrug")
                .setLinkedTo(LocalDate.of(2025, 6, 30))
                .setPreviousLinkedTo(null)
                .setSuccessor(new SuccessorHint("22487", "Skriftlig kommunikation - sprog og sprogbrug", 1.0))
                .build();
        return event(2, LocalDate.of(2025, 1, 28), payload);
    }

    static CatalogueEvent detailsChanged() {
        var payload = CourseDetailsChanged.newBuilder()
                .setCourseNumber("47301")
                .setBefore(new CourseDetails("Mundtlig kommunikation", "AD", new BigDecimal("3.0")))
                .setAfter(new CourseDetails("Mundtlig kommunikation i praksis", "AD", new BigDecimal("2.5")))
                .build();
        return event(3, LocalDate.of(2025, 2, 1), payload);
    }

    static CatalogueEvent fkbRevised() {
        var payload = FkbRevised.newBuilder()
                .setTitle("Viden- og forretningsservice")
                .setPreviousTitle(null)
                .setCompetencesAdded(List.of("Kundeservice", "Digital sagsbehandling"))
                .setCompetencesRemoved(List.of())
                .build();
        return event(4, LocalDate.of(2024, 12, 19), payload);
    }

    static List<CatalogueEvent> allKinds() {
        return List.of(fkbRevised(), courseLinked(), endScheduled(), detailsChanged());
    }

    static CatalogueSnapshot snapshot() {
        return CatalogueSnapshot.newBuilder()
                .setFkbCode(FKB)
                .setTitle("Viden- og forretningsservice")
                .setCompetences(List.of("Kundeservice", "Digital sagsbehandling"))
                .setLinks(List.of(writtenCommunication(), successor()))
                .setDocumentSha256(source().getDocumentSha256())
                .setDocumentName(source().getDocumentName())
                .setRecordedAt(Instant.parse("2025-01-28T09:15:02.123Z"))
                .setHeadSequence(4)
                .setHeadHash("c".repeat(64))
                .setExpiredLinks(List.of(new ExpiredLink("40118", LocalDate.of(2024, 12, 31))))
                .build();
    }

    private static CatalogueEvent event(long sequence, LocalDate effective, Object payload) {
        return CatalogueEvent.newBuilder()
                .setEventId("6f1c2d3e-4b5a-5c6d-8e7f-90a1b2c3d4e" + sequence)
                .setFkbCode(FKB)
                .setSequence(sequence)
                .setPreviousHash(sequence == 1 ? ZERO_HASH : "a".repeat(64))
                .setHash("b".repeat(63) + sequence)
                .setRecordedAt(Instant.parse("2025-01-28T09:15:01.456Z"))
                .setEffectiveDate(effective)
                .setSource(source())
                .setPayload(payload)
                .build();
    }
}
