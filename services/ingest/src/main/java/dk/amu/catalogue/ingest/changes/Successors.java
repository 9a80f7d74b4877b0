package dk.amu.catalogue.ingest.changes;

import java.time.LocalDate;
import java.util.List;

import dk.amu.catalogue.events.v1.SuccessorHint;
import dk.amu.catalogue.snapshots.v1.CourseLink;

/**
 * Finds the course that likely replaces an ending link: another link of the same FKB, still valid
 * after the ending link's last day, with the same or a very similar title. A hint only; the
 * documents never say so.
 */
final class Successors {

    /**
     * Titles made of the same words always pass; the threshold turns away titles that only match
     * through heavy abbreviation, e.g. two of four words cut to a third of their length.
     */
    static final double THRESHOLD = 0.85;

    private Successors() {
    }

    /**
     * @param lastDay the last day the ending link is valid
     * @param links the FKB's links after the change
     * @return the most similar candidate (the first in document order on a tie), or null
     */
    static SuccessorHint find(CourseLink ending, LocalDate lastDay, List<CourseLink> links) {
        CourseLink best = null;
        double bestSimilarity = 0;
        for (CourseLink candidate : links) {
            if (isCandidate(candidate, ending, lastDay)) {
                double similarity = TitleSimilarity.of(ending.getTitle(), candidate.getTitle());
                if (similarity >= THRESHOLD && similarity > bestSimilarity) {
                    best = candidate;
                    bestSimilarity = similarity;
                }
            }
        }
        return best == null ? null : new SuccessorHint(best.getCourseNumber(), best.getTitle(), rounded(bestSimilarity));
    }

    private static boolean isCandidate(CourseLink candidate, CourseLink ending, LocalDate lastDay) {
        return !candidate.getCourseNumber().equals(ending.getCourseNumber())
                && (candidate.getLinkedTo() == null || candidate.getLinkedTo().isAfter(lastDay));
    }

    // Three decimals keep the payload readable; the threshold was applied to the exact value.
    private static double rounded(double similarity) {
        return Math.round(similarity * 1000) / 1000.0;
    }
}
