package dk.amu.catalogue.audit.export;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * One event flattened: where it sits, every envelope field, then the payload's fields (null where
 * the payload type has no such field). The order of the components is the order of the CSV columns
 * and of the JSON fields.
 */
public record ExportRow(int partition, long offset, String eventId, String fkbCode, long sequence,
        String previousHash, String hash, Instant recordedAt, LocalDate effectiveDate, String documentSha256,
        String documentName, String ingestionId, String type, String courseNumber,
        String title, String previousTitle, String euu, BigDecimal durationDays, LocalDate linkedFrom,
        LocalDate linkedTo, LocalDate previousLinkedFrom, LocalDate previousLinkedTo,
        String beforeTitle, String beforeEuu, BigDecimal beforeDurationDays,
        String afterTitle, String afterEuu, BigDecimal afterDurationDays,
        List<String> competencesAdded, List<String> competencesRemoved,
        String successorCourseNumber, String successorTitle, Double successorSimilarity) {
}
