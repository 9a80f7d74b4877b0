package dk.amu.catalogue.benchmarks;

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
import dk.amu.catalogue.snapshots.v1.CourseLink;

/** Events as ingest writes them for FKB 2741 "Viden- og forretningsservice", one per payload kind. */
final class SerdeBenchmarkEvents {

    private SerdeBenchmarkEvents() {
    }

    static CatalogueEvent of(String payloadKind) {
        return switch (payloadKind) {
            case "CourseLinked" -> event(7, CourseLinked.newBuilder().setLink(link()).build());
            case "CourseLinkEndScheduled" -> event(8, CourseLinkEndScheduled.newBuilder()
                    .setCourseNumber("47299")
                    .setTitle("Skriftlig kommunikation - sprog og sprogbrug")
                    .setLinkedTo(LocalDate.of(2025, 6, 30))
                    .setPreviousLinkedTo(null)
                    .setSuccessor(new SuccessorHint("22487", "Skriftlig kommunikation - sprog og sprogbrug", 1.0))
                    .build());
            case "CourseDetailsChanged" -> event(9, CourseDetailsChanged.newBuilder()
                    .setCourseNumber("47301")
                    .setBefore(new CourseDetails("Mundtlig kommunikation", "AD", new BigDecimal("3.0")))
                    .setAfter(new CourseDetails("Mundtlig kommunikation i praksis", "AD", new BigDecimal("2.5")))
                    .build());
            case "FkbRevised" -> event(1, FkbRevised.newBuilder()
                    .setTitle("Viden- og forretningsservice")
                    .setPreviousTitle(null)
                    .setCompetencesAdded(List.of("Kundeservice og kommunikation", "Digital sagsbehandling",
                            "Administration og økonomi", "Projektkoordinering"))
                    .setCompetencesRemoved(List.of())
                    .build());
            default -> throw new IllegalArgumentException("no benchmark event for payload " + payloadKind);
        };
    }

    private static CourseLink link() {
        return CourseLink.newBuilder()
                .setCourseNumber("22487")
                .setTitle("Skriftlig kommunikation - sprog og sprogbrug")
                .setEuu("AD")
                .setDurationDays(new BigDecimal("2.0"))
                .setLinkedFrom(LocalDate.of(2025, 1, 28))
                .setLinkedTo(null)
                .build();
    }

    private static CatalogueEvent event(long sequence, Object payload) {
        return CatalogueEvent.newBuilder()
                .setEventId("6f1c2d3e-4b5a-5c6d-8e7f-90a1b2c3d4e" + sequence)
                .setFkbCode("2741")
                .setSequence(sequence)
                .setPreviousHash("9c1185a5c5e9fc54612808977ee8f548b2258d31d1a8c0b6a5f3e0c7e2d4b6a1")
                .setHash("4e07408562bedb8b60ce05c1decfe3ad16b72230967de01f640b7e4729b49fce")
                .setRecordedAt(Instant.parse("2025-01-28T09:15:01.456Z"))
                .setEffectiveDate(LocalDate.of(2025, 1, 28))
                .setSource(EventSource.newBuilder()
                        .setDocumentSha256("9f2c6a1be0d4c37f4a5e1b2d8c9f0a7e6d5c4b3a2918f7e6d5c4b3a291807f6e")
                        .setDocumentName("fkb-2741-viden-og-forretningsservice.pdf")
                        .setIngestionId("ingestion-2025-01-28T09:15:00Z")
                        .build())
                .setPayload(payload)
                .build();
    }
}
