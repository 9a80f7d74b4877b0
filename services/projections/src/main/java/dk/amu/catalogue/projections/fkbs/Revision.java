package dk.amu.catalogue.projections.fkbs;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import dk.amu.catalogue.projections.changes.Change;

/**
 * One document version of an FKB, and what it changed: the events of the same ingestion.
 *
 * @param previousTitle the title before, when the document changed it
 */
public record Revision(long sequence, Instant recordedAt, LocalDate effectiveDate, String title, String previousTitle,
        List<String> competencesAdded, List<String> competencesRemoved, String documentName, String documentSha256,
        List<Change> changes) {
}
