package dk.amu.catalogue.eventlog;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import dk.amu.catalogue.events.v1.CatalogueEvent;
import dk.amu.catalogue.events.v1.CourseLinkEndScheduled;
import dk.amu.catalogue.events.v1.CourseLinked;
import dk.amu.catalogue.events.v1.EventSource;
import dk.amu.catalogue.events.v1.FkbRevised;
import dk.amu.catalogue.snapshots.v1.CourseLink;

/** A short, correctly chained history of one FKB, sealed by the code under test. */
final class SampleEvents {

    static final String FKB = "viden-og-forretningsservice";

    private SampleEvents() {
    }

    /** A shallow copy: the generated builder's deep copy looks classes up by name, which Avro forbids by default. */
    static CatalogueEvent copy(CatalogueEvent e) {
        return new CatalogueEvent(e.getEventId(), e.getFkbCode(), e.getSequence(), e.getPreviousHash(), e.getHash(),
                e.getRecordedAt(), e.getEffectiveDate(), e.getSource(), e.getPayload());
    }

    static List<CatalogueEvent> history() {
        LocalDate day = LocalDate.of(2025, 3, 1);
        CourseLink link = new CourseLink("47299", "Skriftlig kommunikation - sprog og sprogbrug", "AD",
                new BigDecimal("2.0"), LocalDate.of(2024, 12, 19), null);
        return EventChain.append(FKB, 0, EventChain.GENESIS_HASH, List.of(
                new EventDraft(new FkbRevised("Viden- og forretningsservice", null, List.of("Markedsføring"), List.of()), day),
                new EventDraft(new CourseLinked(link), link.getLinkedFrom()),
                new EventDraft(new CourseLinkEndScheduled("47299", link.getTitle(), LocalDate.of(2025, 6, 30), null, null), day),
                new EventDraft(new FkbRevised("Viden- og forretningsservice", null, List.of("Økonomi"), List.of()), day)),
                new EventSource("ab".repeat(32), "vfs.pdf", "ingestion-1"), Instant.parse("2025-03-01T11:00:00Z"));
    }
}
