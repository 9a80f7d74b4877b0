package dk.amu.catalogue.audit.history;

import java.time.Instant;
import java.time.LocalDate;

import dk.amu.catalogue.eventlog.LinkState;

/**
 * One event as an auditor reads it: what happened ({@code type}, {@code change}), when it takes
 * effect, when the system learned it, where it sits in the chain, and which document said so.
 */
public record HistoryEntry(String fkbCode, long sequence, String type, String courseNumber, String change,
        LocalDate effectiveDate, Instant recordedAt, String documentName, String documentSha256,
        LinkState.Successor successor, String eventId, int partition, long offset) {
}
