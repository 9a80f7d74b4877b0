package dk.amu.catalogue.ingest.changes;

import java.time.LocalDate;
import java.util.List;

import dk.amu.catalogue.eventlog.LikelySuccessors;
import dk.amu.catalogue.events.v1.SuccessorHint;
import dk.amu.catalogue.snapshots.v1.CourseLink;

/** The hint an ending or removed link's event carries: {@link LikelySuccessors} over the FKB's links. */
final class Successors {

    private Successors() {
    }

    /**
     * @param lastDay the last day the ending link is valid
     * @param links the FKB's links after the change
     * @return the most similar candidate (the first in document order on a tie), or null
     */
    static SuccessorHint find(CourseLink ending, LocalDate lastDay, List<CourseLink> links) {
        var match = LikelySuccessors.find(ending.getCourseNumber(), ending.getTitle(), lastDay, links.stream()
                .map(l -> new LikelySuccessors.Candidate(l.getCourseNumber(), l.getTitle(), l.getLinkedTo())).toList());
        return match == null ? null : new SuccessorHint(match.courseNumber(), match.title(), rounded(match.similarity()));
    }

    // Three decimals keep the payload readable; the threshold was applied to the exact value.
    private static double rounded(double similarity) {
        return Math.round(similarity * 1000) / 1000.0;
    }
}
