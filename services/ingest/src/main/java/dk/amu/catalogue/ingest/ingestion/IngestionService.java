package dk.amu.catalogue.ingest.ingestion;

import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.stream.Collectors;

import dk.amu.catalogue.ingest.changes.CatalogueDiff;
import dk.amu.catalogue.ingest.changes.DocumentOrigin;
import dk.amu.catalogue.ingest.document.FkbDocument;
import dk.amu.catalogue.ingest.document.FkbDocumentParser;
import dk.amu.catalogue.ingest.system.IngestProperties;
import dk.amu.catalogue.snapshots.v1.CatalogueSnapshot;
import dk.amu.catalogue.snapshots.v1.CourseLink;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/**
 * The one ingestion every way in ends in: parse, compare with the FKB's last snapshot, publish the
 * events and the new snapshot in one transaction. A document that cannot be parsed, or that is held
 * back as suspicious, changes nothing.
 */
@Service
public class IngestionService {

    private static final Logger log = LoggerFactory.getLogger(IngestionService.class);

    private final FkbDocumentParser parser = new FkbDocumentParser();

    private final CatalogueDiff diff = new CatalogueDiff();

    private final FkbUpdates updates;

    private final IngestProperties properties;

    IngestionService(FkbUpdates updates, IngestProperties properties) {
        this.updates = updates;
        this.properties = properties;
    }

    public IngestionReport ingest(DocumentSubmission submission) {
        var sha256 = DocumentDigest.sha256Hex(submission.content());
        FkbDocument document = parser.parse(submission.content(), submission.documentName());
        var ingestionId = UUID.randomUUID().toString();
        var changes = updates.update(submission.fkbCode(), (previous, now, today) -> {
            if (!submission.force()) {
                holdBackIfSuspicious(submission, previous, document, today);
            }
            return diff.diff(submission.fkbCode(), previous, document, submission.title(),
                    new DocumentOrigin(sha256, submission.documentName(), ingestionId), now, today);
        });
        var report = IngestionReport.of(ingestionId, submission, sha256, document, changes.events());
        log.info("Ingested {} for FKB {}: {} with {} events {}", submission.documentName(), submission.fkbCode(),
                report.outcome(), report.events().size(), report.counts());
        return report;
    }

    /**
     * Holds back a document that names another FKB than the one it was submitted for, keeps none of
     * its competences, or drops too many links. The title is compared only when the FKB has one from a document (not its code,
     * which stands in until a document names it) and the operator gave none with this submission.
     * Counts only links still valid on the business date: dropping an expired one is routine, not a loss.
     */
    private void holdBackIfSuspicious(DocumentSubmission submission, CatalogueSnapshot previous, FkbDocument document,
            LocalDate businessDate) {
        if (previous == null) {
            return;
        }
        var fkbCode = submission.fkbCode();
        var operatorTitled = submission.title() != null && !submission.title().isBlank();
        if (!operatorTitled && document.title() != null && !previous.getTitle().equals(fkbCode)
                && !comparable(document.title()).equals(comparable(previous.getTitle()))) {
            throw SuspiciousDocumentException.namesAnotherFkb(fkbCode, previous.getTitle(), document.title());
        }
        if (!previous.getCompetences().isEmpty() && !document.competences().isEmpty()
                && !keepsACompetence(previous.getCompetences(), document.competences())) {
            throw SuspiciousDocumentException.sharesNoCompetence(fkbCode, previous.getTitle(), previous.getCompetences().size());
        }
        var present = new HashSet<String>();
        document.links().forEach(link -> present.add(link.getCourseNumber()));
        var valid = previous.getLinks().stream()
                .filter(link -> link.getLinkedTo() == null || !link.getLinkedTo().isBefore(businessDate))
                .toList();
        int missing = (int) valid.stream().map(CourseLink::getCourseNumber).filter(n -> !present.contains(n)).count();
        if (!valid.isEmpty() && missing > valid.size() * properties.suspiciousLossRatio()) {
            throw new SuspiciousDocumentException(fkbCode, valid.size(), missing);
        }
    }

    private static boolean keepsACompetence(List<String> before, List<String> now) {
        var kept = now.stream().map(IngestionService::comparable).collect(Collectors.toSet());
        return before.stream().map(IngestionService::comparable).anyMatch(kept::contains);
    }

    /** A title as two printings of it compare: case and runs of white space do not count. */
    private static String comparable(String title) {
        return title.strip().replaceAll("\\s+", " ").toLowerCase(Locale.ROOT);
    }
}
