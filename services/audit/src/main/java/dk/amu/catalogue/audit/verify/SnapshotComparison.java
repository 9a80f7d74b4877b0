package dk.amu.catalogue.audit.verify;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

import dk.amu.catalogue.eventlog.ChainCheck;
import dk.amu.catalogue.eventlog.LinkState;
import dk.amu.catalogue.snapshots.v1.CatalogueSnapshot;
import dk.amu.catalogue.snapshots.v1.CourseLink;

/**
 * Whether an FKB's latest snapshot says what its events say: the same head, and the same links in
 * the document. A folded link that expired may be missing from the snapshot, since a course that
 * leaves the document after its end is no change.
 */
final class SnapshotComparison {

    private static final int SHOWN = 3;

    private SnapshotComparison() {
    }

    /** @return what differs, in words, or empty when they agree */
    static Optional<String> differences(CatalogueSnapshot snapshot, ChainCheck.Head head, FoldedFkb folded) {
        if (head == null) {
            return Optional.of("the snapshot has head sequence " + snapshot.getHeadSequence() + " but the FKB has no events");
        }
        if (snapshot.getHeadSequence() != head.sequence() || !snapshot.getHeadHash().equals(head.hash())) {
            return Optional.of("the snapshot's head is sequence " + snapshot.getHeadSequence() + " hash "
                    + snapshot.getHeadHash() + ", the events end at sequence " + head.sequence() + " hash " + head.hash());
        }
        var differences = new ArrayList<String>();
        var inSnapshot = new HashSet<String>();
        for (CourseLink link : snapshot.getLinks()) {
            inSnapshot.add(link.getCourseNumber());
            LinkState state = folded.links.get(link.getCourseNumber());
            if (state == null || state.unlinkedOn() != null) {
                differences.add("course " + link.getCourseNumber() + " is in the snapshot but not linked by the events");
            }
            else if (!same(link, state)) {
                differences.add("course " + link.getCourseNumber() + " is " + text(link) + " in the snapshot but "
                        + text(state) + " by the events");
            }
        }
        for (LinkState state : folded.links.values()) {
            if (state.unlinkedOn() == null && !inSnapshot.contains(state.courseNumber())
                    && !folded.expired.contains(FoldedFkb.expiryKey(state.courseNumber(), state.linkedTo()))) {
                differences.add("course " + state.courseNumber() + " is linked by the events but not in the snapshot");
            }
        }
        return differences.isEmpty() ? Optional.empty() : Optional.of(summary(differences));
    }

    private static boolean same(CourseLink link, LinkState state) {
        return link.getTitle().equals(state.title()) && link.getEuu().equals(state.euu())
                && link.getDurationDays().compareTo(state.durationDays()) == 0
                && link.getLinkedFrom().equals(state.linkedFrom()) && Objects.equals(link.getLinkedTo(), state.linkedTo());
    }

    private static String text(CourseLink link) {
        return "\"" + link.getTitle() + "\" " + link.getEuu() + " " + link.getDurationDays().toPlainString() + " "
                + link.getLinkedFrom() + ".." + (link.getLinkedTo() == null ? "" : link.getLinkedTo());
    }

    private static String text(LinkState state) {
        return "\"" + state.title() + "\" " + state.euu() + " " + state.durationDays().toPlainString() + " "
                + state.linkedFrom() + ".." + (state.linkedTo() == null ? "" : state.linkedTo());
    }

    private static String summary(List<String> differences) {
        var shown = String.join("; ", differences.subList(0, Math.min(SHOWN, differences.size())));
        return differences.size() <= SHOWN ? shown : shown + "; and " + (differences.size() - SHOWN) + " more";
    }
}
