package dk.amu.catalogue.eventlog;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.function.Function;

/**
 * "Likely replaced by": the course that likely replaces an ending link is another link of the same
 * FKB, still valid after the ending link's last day, with the same or a very similar title
 * ({@link TitleSimilarity}). A hint only; the documents never say so. Ingest puts it on the events
 * that end or remove a link; a consumer asks the same rule where an event carries none, as for a link
 * that arrived with its end date already set ({@link #fillIn}).
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

    /**
     * The links in the same order, each that ends with no successor named by its events given the likely
     * one, if any: a link that arrived with its end date set (an FKB's first document, say) carries none.
     *
     * @param linksOfFkb an FKB's links as the caller knows them (those removed are passed over); asked at
     *                   most once per FKB, and only for an FKB with a link to fill in
     */
    public static List<LinkState> fillIn(List<LinkState> links, Function<String, List<LinkState>> linksOfFkb) {
        if (links.stream().noneMatch(LikelySuccessors::lacksSuccessor)) {
            return links;
        }
        var fkbs = new HashMap<String, List<LinkState>>();
        var result = new ArrayList<LinkState>(links.size());
        for (var link : links) {
            result.add(lacksSuccessor(link)
                    ? withLikelySuccessor(link, fkbs.computeIfAbsent(link.fkbCode(), linksOfFkb))
                    : link);
        }
        return result;
    }

    /** Ends and has no successor from its events: the links {@link #fillIn} looks at. */
    public static boolean lacksSuccessor(LinkState link) {
        return link.successor() == null && link.linkedTo() != null && link.unlinkedOn() == null;
    }

    private static LinkState withLikelySuccessor(LinkState link, List<LinkState> sameFkb) {
        var match = find(link.courseNumber(), link.title(), link.linkedTo(), sameFkb.stream()
                .filter(l -> l.unlinkedOn() == null)
                .map(l -> new Candidate(l.courseNumber(), l.title(), l.linkedTo())).toList());
        return match == null ? link
                : link.withEnd(link.linkedTo(), new LinkState.Successor(match.courseNumber(), match.title()));
    }
}
