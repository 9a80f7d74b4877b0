package dk.amu.catalogue.ingest.changes;

import dk.amu.catalogue.eventlog.EventDraft;
import dk.amu.catalogue.eventlog.EventChain;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import dk.amu.catalogue.events.v1.CatalogueEvent;
import dk.amu.catalogue.events.v1.FkbRevised;
import dk.amu.catalogue.ingest.document.FkbDocument;
import dk.amu.catalogue.snapshots.v1.CatalogueSnapshot;
import dk.amu.catalogue.snapshots.v1.CourseLink;
import dk.amu.catalogue.snapshots.v1.ExpiredLink;

/**
 * Turns a newly parsed document of an FKB into the events that tell what changed since the previous
 * snapshot, and the snapshot after them. Stateless.
 *
 * <p>A document with the same title, the same set of competences and links with equal values yields
 * no events, which makes re-ingestion a no-op; any pending expiry is then left to the expiry clock.
 * Otherwise the events are: FkbRevised, the link changes (courses in the new document order, then
 * courses that left in their previous order) and the expiries already due on the business date.
 */
public final class CatalogueDiff {

    /**
     * @param previous the FKB's latest snapshot, or null for an FKB never ingested before
     * @param titleOverride an operator-supplied title that wins over the document's; null if none
     * @param businessDate the date the document takes effect (Europe/Copenhagen)
     */
    public ChangeSet diff(String fkbCode, CatalogueSnapshot previous, FkbDocument document, String titleOverride,
            DocumentOrigin origin, Instant recordedAt, LocalDate businessDate) {
        requireSameFkb(fkbCode, previous);
        List<CourseLink> links = document.links();
        List<ExpiredLink> expired = previous == null ? List.of() : previous.getExpiredLinks();
        String title = titleOf(fkbCode, previous, document, titleOverride);
        FkbRevised revision = FkbRevision.of(previous, title, document.competences());
        List<EventDraft> linkChanges = LinkChanges.between(linksOf(previous), expired, links, businessDate);
        if (linkChanges.isEmpty() && !FkbRevision.changesFkb(revision)) {
            return ChangeSet.unchanged(previous);
        }
        List<EventDraft> drafts = new ArrayList<>();
        drafts.add(new EventDraft(revision, businessDate));
        drafts.addAll(linkChanges);
        drafts.addAll(ExpiryRule.due(links, expired, businessDate));
        List<CatalogueEvent> events = EventChain.append(fkbCode, headSequence(previous), headHash(previous),
                drafts, origin.toEventSource(), recordedAt);
        CatalogueSnapshot snapshot = Snapshots.afterDocument(fkbCode, title, document.competences(), links,
                origin, previous, events, recordedAt);
        return new ChangeSet(events, snapshot);
    }

    private static void requireSameFkb(String fkbCode, CatalogueSnapshot previous) {
        if (fkbCode == null || fkbCode.isBlank()) {
            throw new IllegalArgumentException("an FKB code is required");
        }
        if (previous != null && !previous.getFkbCode().equals(fkbCode)) {
            throw new IllegalArgumentException(
                    "snapshot of FKB " + previous.getFkbCode() + " cannot be compared with FKB " + fkbCode);
        }
    }

    // Documents do not always name their FKB, so a title is kept from before rather than lost.
    private static String titleOf(String fkbCode, CatalogueSnapshot previous, FkbDocument document,
            String titleOverride) {
        if (titleOverride != null && !titleOverride.isBlank()) {
            return titleOverride;
        }
        if (document.title() != null && !document.title().isBlank()) {
            return document.title();
        }
        return previous != null ? previous.getTitle() : fkbCode;
    }

    private static List<CourseLink> linksOf(CatalogueSnapshot previous) {
        return previous == null ? List.of() : previous.getLinks();
    }

    private static long headSequence(CatalogueSnapshot previous) {
        return previous == null ? 0 : previous.getHeadSequence();
    }

    private static String headHash(CatalogueSnapshot previous) {
        return previous == null ? EventChain.GENESIS_HASH : previous.getHeadHash();
    }
}
