package dk.amu.catalogue.projections.fkbs;

import java.time.Instant;

/**
 * An FKB in the list of FKBs.
 *
 * @param links            every course the FKB has linked, whatever the link's status
 * @param currentLinks     links neither expired nor removed today (UPCOMING, ACTIVE or ENDING)
 * @param competences      how many competences the latest document lists
 * @param revisions        how many document versions were ingested
 * @param events           how many events the FKB's history has
 * @param latestRevisionAt when the latest document version was recorded
 */
public record FkbSummary(String code, String title, long links, long currentLinks, int competences, int revisions,
        long events, Instant latestRevisionAt) {
}
