package dk.amu.catalogue.ingest.ingestion;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import dk.amu.catalogue.events.v1.CatalogueEvent;
import dk.amu.catalogue.events.v1.CourseDetailsChanged;
import dk.amu.catalogue.events.v1.CourseLinkEndScheduled;
import dk.amu.catalogue.events.v1.CourseLinkEndWithdrawn;
import dk.amu.catalogue.events.v1.CourseLinkExpired;
import dk.amu.catalogue.events.v1.CourseLinkStartChanged;
import dk.amu.catalogue.events.v1.CourseLinked;
import dk.amu.catalogue.events.v1.CourseUnlinked;
import dk.amu.catalogue.events.v1.FkbRevised;
import dk.amu.catalogue.ingest.document.FkbDocument;

/**
 * What one ingestion did, the same for every way in.
 *
 * @param outcome {@code PUBLISHED} when events were committed, {@code UNCHANGED} when the document changed nothing
 * @param reading how the document was read, so an operator can tell a PDF's table read by its layout
 *                from one read as extracted text
 */
public record IngestionReport(String ingestionId, String fkbCode, String documentName, String documentSha256,
        String outcome, int links, Reading reading, Map<String, Integer> counts, List<ReportedEvent> events) {

    public record ReportedEvent(long sequence, String type, String courseNumber, LocalDate effectiveDate, String eventId) {
    }

    /**
     * @param method {@code PDF_TABLE_LAYOUT}, {@code PDF_TEXT} or {@code TEXT}
     * @param pages  the PDF's pages; 0 for a text document
     * @param rows   the table rows read
     */
    public record Reading(String method, int pages, int rows) {

        static Reading of(FkbDocument.Reading reading) {
            return new Reading(reading.method().name(), reading.pages(), reading.rows());
        }

        String describe() {
            String how = switch (method) {
                case "PDF_TABLE_LAYOUT" -> "PDF table layout";
                case "PDF_TEXT" -> "PDF text";
                default -> "text";
            };
            return "read as " + how + ": " + (pages > 0 ? pages + " pages, " : "") + rows + " rows";
        }
    }

    static IngestionReport of(String ingestionId, DocumentSubmission submission, String sha256, FkbDocument document,
            List<CatalogueEvent> events) {
        var reported = events.stream().map(IngestionReport::reported).toList();
        var counts = new TreeMap<String, Integer>();
        reported.forEach(event -> counts.merge(event.type(), 1, Integer::sum));
        return new IngestionReport(ingestionId, submission.fkbCode(), submission.documentName(), sha256,
                events.isEmpty() ? "UNCHANGED" : "PUBLISHED", document.links().size(), Reading.of(document.reading()),
                counts, reported);
    }

    private static ReportedEvent reported(CatalogueEvent event) {
        Object payload = event.getPayload();
        return new ReportedEvent(event.getSequence(), payload.getClass().getSimpleName(), courseNumberOf(payload),
                event.getEffectiveDate(), event.getEventId());
    }

    /** The course an event is about; null for an FKB-level event. Java 17 has no pattern switch yet. */
    static String courseNumberOf(Object payload) {
        if (payload instanceof CourseLinked p) {
            return p.getLink().getCourseNumber();
        }
        if (payload instanceof CourseUnlinked p) {
            return p.getLink().getCourseNumber();
        }
        if (payload instanceof CourseLinkEndScheduled p) {
            return p.getCourseNumber();
        }
        if (payload instanceof CourseLinkEndWithdrawn p) {
            return p.getCourseNumber();
        }
        if (payload instanceof CourseLinkStartChanged p) {
            return p.getCourseNumber();
        }
        if (payload instanceof CourseDetailsChanged p) {
            return p.getCourseNumber();
        }
        if (payload instanceof CourseLinkExpired p) {
            return p.getCourseNumber();
        }
        if (payload instanceof FkbRevised) {
            return null;
        }
        throw new IllegalArgumentException("unknown payload " + payload.getClass());
    }

    /** The report as lines for a terminal or an error file. */
    public String toText() {
        var text = new StringBuilder()
                .append("FKB ").append(fkbCode).append(": ").append(outcome).append(", ").append(links).append(" links, ")
                .append(events.size()).append(" events\n")
                .append("document ").append(documentName).append(" sha256 ").append(documentSha256).append('\n')
                .append(reading.describe()).append('\n')
                .append("ingestion ").append(ingestionId).append('\n');
        counts.forEach((type, count) -> text.append("  ").append(type).append(": ").append(count).append('\n'));
        events.forEach(event -> text.append(String.format("  #%d %-24s %-6s %s %s%n", event.sequence(), event.type(),
                event.courseNumber() == null ? "" : event.courseNumber(), event.effectiveDate(), event.eventId())));
        return text.toString();
    }
}
