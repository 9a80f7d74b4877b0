package dk.amu.catalogue.projections.fkbs;

import java.time.Instant;
import java.util.List;

/**
 * One FKB with its document versions, newest first, each with the changes it made.
 *
 * @param headSequence the sequence of the FKB's latest event
 */
public record FkbDetail(String code, String title, List<String> competences, long links, long currentLinks,
        long events, long headSequence, Instant latestRevisionAt, List<Revision> revisions) {
}
