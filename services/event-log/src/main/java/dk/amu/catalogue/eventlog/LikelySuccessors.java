package dk.amu.catalogue.eventlog;

import java.time.LocalDate;

/**
 * "Likely replaced by": the course that likely replaces an ending link is another link of the same
 * FKB, still valid after the ending link's last day, with the same or a very similar title
 * ({@link TitleSimilarity}). A hint only; the documents never say so. Ingest puts it on the events
 * that end or remove a link; a consumer asks the same rule where an event carries none, as for a link
 * that arrived with its end date already set.
 */
public final class LikelySuccessors {

    /**
     * Titles made of the same words always pass; the threshold turns away titles that only match
     * through heavy abbreviation, e.g. two of four words cut to a third of their length.
     */
    public static final double THRESHOLD = 0.85;

    /** A link of the same FKB that might replace the ending one; {@code linkedTo} null while open-ended. */
    public record Candidate(String courseNumber, String title, LocalDate linkedTo) {
    }

    /** The likely successor and how alike the titles are, from {@link #THRESHOLD} to 1. */
    public record Match(String courseNumber, String title, double similarity) {
    }

    private LikelySuccessors() {
    }

    /**
     * @param courseNumber the ending link's course
     * @param lastDay      the last day the ending link is valid
     * @param candidates   the FKB's links, in document order
     * @return the most similar candidate (the first on a tie), or null
     */
    public static Match find(String courseNumber, String title, LocalDate lastDay, Iterable<Candidate> candidates) {
        Candidate best = null;
        double bestSimilarity = 0;
        for (Candidate candidate : candidates) {
            if (!candidate.courseNumber().equals(courseNumber)
                    && (candidate.linkedTo() == null || candidate.linkedTo().isAfter(lastDay))) {
                double similarity = TitleSimilarity.of(title, candidate.title());
                if (similarity >= THRESHOLD && similarity > bestSimilarity) {
                    best = candidate;
                    bestSimilarity = similarity;
                }
            }
        }
        return best == null ? null : new Match(best.courseNumber(), best.title(), bestSimilarity);
    }
}
