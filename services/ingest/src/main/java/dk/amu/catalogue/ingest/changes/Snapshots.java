package dk.amu.catalogue.ingest.changes;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import dk.amu.catalogue.events.v1.CatalogueEvent;
import dk.amu.catalogue.events.v1.CourseLinkExpired;
import dk.amu.catalogue.snapshots.v1.CatalogueSnapshot;
import dk.amu.catalogue.snapshots.v1.CourseLink;
import dk.amu.catalogue.snapshots.v1.ExpiredLink;

/** The state of an FKB after a change set, with the head of its chain. */
final class Snapshots {

    private Snapshots() {
    }

    static CatalogueSnapshot afterDocument(String fkbCode, String title, List<String> competences,
            List<CourseLink> links, DocumentOrigin origin, CatalogueSnapshot previous,
            List<CatalogueEvent> events, Instant recordedAt) {
        List<ExpiredLink> carried = previous == null ? List.of() : previous.getExpiredLinks();
        CatalogueEvent head = events.get(events.size() - 1);
        return CatalogueSnapshot.newBuilder()
                .setFkbCode(fkbCode)
                .setTitle(title)
                .setCompetences(new ArrayList<>(competences))
                .setLinks(new ArrayList<>(links))
                .setDocumentSha256(origin.documentSha256())
                .setDocumentName(origin.documentName())
                .setRecordedAt(recordedAt)
                .setHeadSequence(head.getSequence())
                .setHeadHash(head.getHash())
                .setExpiredLinks(stillPresent(merged(carried, events), links))
                .build();
    }

    static CatalogueSnapshot afterExpiry(CatalogueSnapshot current, List<CatalogueEvent> events, Instant recordedAt) {
        CatalogueEvent head = events.get(events.size() - 1);
        // Not newBuilder(current): its deep copy looks classes up by name, which Avro forbids by default.
        return new CatalogueSnapshot(current.getFkbCode(), current.getTitle(),
                new ArrayList<>(current.getCompetences()), new ArrayList<>(current.getLinks()), current.getDocumentSha256(), current.getDocumentName(), recordedAt,
                head.getSequence(), head.getHash(), merged(current.getExpiredLinks(), events));
    }

    private static List<ExpiredLink> merged(List<ExpiredLink> carried, List<CatalogueEvent> events) {
        List<ExpiredLink> expired = new ArrayList<>(carried);
        for (CatalogueEvent event : events) {
            if (event.getPayload() instanceof CourseLinkExpired payload
                    && !isRecorded(expired, payload.getCourseNumber(), payload.getLinkedTo())) {
                expired.add(new ExpiredLink(payload.getCourseNumber(), payload.getLinkedTo()));
            }
        }
        return expired;
    }

    /** True when the snapshot's memory already holds the expiry of this course at this end date. */
    static boolean isRecorded(List<ExpiredLink> alreadyExpired, String courseNumber, LocalDate linkedTo) {
        return alreadyExpired.stream().anyMatch(expired -> expired.getCourseNumber().equals(courseNumber)
                && expired.getLinkedTo().equals(linkedTo));
    }

    // A course that left the FKB starts afresh if it is ever linked again.
    private static List<ExpiredLink> stillPresent(List<ExpiredLink> expired, List<CourseLink> links) {
        Set<String> present = links.stream().map(CourseLink::getCourseNumber)
                .collect(Collectors.toCollection(LinkedHashSet::new));
        return expired.stream().filter(e -> present.contains(e.getCourseNumber()))
                .collect(Collectors.toCollection(ArrayList::new));
    }
}
