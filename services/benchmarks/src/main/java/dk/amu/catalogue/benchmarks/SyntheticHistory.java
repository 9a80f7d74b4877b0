package dk.amu.catalogue.benchmarks;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import dk.amu.catalogue.eventlog.EventChain;
import dk.amu.catalogue.eventlog.EventDraft;
import dk.amu.catalogue.events.v1.CatalogueEvent;
import dk.amu.catalogue.events.v1.CourseDetails;
import dk.amu.catalogue.events.v1.CourseDetailsChanged;
import dk.amu.catalogue.events.v1.CourseLinkEndScheduled;
import dk.amu.catalogue.events.v1.CourseLinkEndWithdrawn;
import dk.amu.catalogue.events.v1.CourseLinkStartChanged;
import dk.amu.catalogue.events.v1.CourseLinked;
import dk.amu.catalogue.events.v1.EventSource;
import dk.amu.catalogue.events.v1.FkbRevised;
import dk.amu.catalogue.snapshots.v1.CatalogueSnapshot;
import dk.amu.catalogue.snapshots.v1.CourseLink;

/**
 * A long, correctly chained history of one FKB: a revision, its links, then rounds of end dates
 * scheduled and withdrawn, details and start dates changed, link by link; and the snapshot that
 * agrees with it. Deterministic, so runs compare.
 */
final class SyntheticHistory {

    private SyntheticHistory() {
    }

    record Fkb(List<CatalogueEvent> events, CatalogueSnapshot snapshot) {
    }

    static Fkb of(int index, int events, int links) {
        String fkb = "synthetic-" + index;
        var current = new ArrayList<CourseLink>();
        var drafts = new ArrayList<EventDraft>();
        var start = LocalDate.of(2024, 12, 19);
        drafts.add(new EventDraft(new FkbRevised("Syntetisk FKB " + index, null, List.of("Sagsbehandling på højt niveau"),
                List.of()), start));
        for (int l = 0; l < links && drafts.size() < events; l++) {
            var link = new CourseLink(String.format("%05d", 10000 + (index * 7919 + l * 104729) % 90000),
                    "Økonomi og sagsbehandling, kursus " + l, "AD", new BigDecimal("2.0"), start, null);
            current.add(link);
            drafts.add(new EventDraft(new CourseLinked(link), start));
        }
        for (int round = 0; drafts.size() < events; round++) {
            var link = current.get(round % current.size());
            var step = round / current.size();
            var date = LocalDate.of(2025, 1, 1).plusDays(round % 700);
            drafts.add(new EventDraft(change(link, step % 4, date, current, round % current.size()), date));
        }
        var recorded = Instant.parse("2025-01-01T08:00:00Z").plusSeconds(index);
        var chained = EventChain.append(fkb, 0, EventChain.GENESIS_HASH, drafts,
                new EventSource("0".repeat(64), "synthetic-" + index + ".txt", "synthetic"), recorded);
        var head = chained.get(chained.size() - 1);
        var snapshot = new CatalogueSnapshot(fkb, "Syntetisk FKB " + index, List.of("Sagsbehandling på højt niveau"),
                current, "0".repeat(64), "synthetic-" + index + ".txt", recorded, head.getSequence(), head.getHash(),
                List.of());
        return new Fkb(chained, snapshot);
    }

    // each link goes round: an end scheduled, its details changed, the end withdrawn, its start moved
    private static org.apache.avro.specific.SpecificRecordBase change(CourseLink link, int step, LocalDate date,
            List<CourseLink> current, int position) {
        var number = link.getCourseNumber();
        switch (step) {
            case 0 -> {
                var end = date.plusYears(2);
                current.set(position, copy(link, link.getTitle(), link.getDurationDays(), link.getLinkedFrom(), end));
                return new CourseLinkEndScheduled(number, link.getTitle(), end, link.getLinkedTo(), null);
            }
            case 1 -> {
                var duration = link.getDurationDays().add(new BigDecimal("0.5"));
                current.set(position, copy(link, link.getTitle(), duration, link.getLinkedFrom(), link.getLinkedTo()));
                return new CourseDetailsChanged(number, new CourseDetails(link.getTitle(), link.getEuu(), link.getDurationDays()),
                        new CourseDetails(link.getTitle(), link.getEuu(), duration));
            }
            case 2 -> {
                current.set(position, copy(link, link.getTitle(), link.getDurationDays(), link.getLinkedFrom(), null));
                return new CourseLinkEndWithdrawn(number, link.getTitle(), link.getLinkedTo());
            }
            default -> {
                var from = link.getLinkedFrom().plusDays(1);
                current.set(position, copy(link, link.getTitle(), link.getDurationDays(), from, link.getLinkedTo()));
                return new CourseLinkStartChanged(number, link.getTitle(), from, link.getLinkedFrom());
            }
        }
    }

    private static CourseLink copy(CourseLink link, String title, BigDecimal duration, LocalDate from, LocalDate to) {
        return new CourseLink(link.getCourseNumber(), title, link.getEuu(), duration, from, to);
    }
}
