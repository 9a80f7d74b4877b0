package dk.amu.catalogue.eventlog;

import java.util.Collections;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Follows every FKB's chain through a log read in order, one event at a time, in memory bounded by
 * the number of FKBs. Each event is compared with the head before it: its sequence must be the next
 * one, its previousHash the head's hash, and its hash and id those recomputed from its content.
 */
public final class ChainCheck {

    /** The last event seen of an FKB: the checkpoint an auditor keeps. */
    public record Head(long sequence, String hash) {
    }

    public enum Problem {
        /** The content does not give the hash or id the event carries. */
        ALTERED,
        /** One or more sequences before this event never appeared. */
        MISSING,
        /** A sequence at or below one already seen. */
        OUT_OF_ORDER,
        /** The previousHash is not the hash of the event before it. */
        BROKEN_LINK
    }

    public record Finding(String fkbCode, long sequence, Problem problem, String detail) {
    }

    /** What a reader knows of one event: what it carries and what its content recomputes to. */
    public record Observed(String fkbCode, long sequence, String previousHash, String hash, String eventId,
            String recomputedHash, String recomputedEventId) {
    }

    private final Map<String, Head> heads = new HashMap<>();

    /** Checks the next event of the log and moves its FKB's head to it, whatever the verdict. */
    public Optional<Finding> accept(Observed event) {
        Head head = heads.get(event.fkbCode());
        long expected = head == null ? 1 : head.sequence() + 1;
        String expectedPrevious = head == null ? EventChain.GENESIS_HASH : head.hash();
        Finding finding = null;
        if (event.sequence() < expected) {
            finding = finding(event, Problem.OUT_OF_ORDER, "sequence " + event.sequence() + " after " + (expected - 1));
        } else if (event.sequence() > expected) {
            finding = finding(event, Problem.MISSING, event.sequence() == expected + 1
                    ? "sequence " + expected + " is missing"
                    : "sequences " + expected + " to " + (event.sequence() - 1) + " are missing");
        } else if (!event.hash().equals(event.recomputedHash()) || !event.eventId().equals(event.recomputedEventId())) {
            finding = finding(event, Problem.ALTERED, "its content hashes to " + event.recomputedHash()
                    + " but it carries " + event.hash());
        } else if (!event.previousHash().equals(expectedPrevious)) {
            finding = finding(event, Problem.BROKEN_LINK, "previousHash " + event.previousHash()
                    + " is not the hash of sequence " + (expected - 1) + ", " + expectedPrevious);
        }
        if (head == null || event.sequence() > head.sequence()) {
            heads.put(event.fkbCode(), new Head(event.sequence(), event.hash()));
        }
        return Optional.ofNullable(finding);
    }

    /** Every FKB's head so far. */
    public Map<String, Head> heads() {
        return Collections.unmodifiableMap(heads);
    }

    private static Finding finding(Observed event, Problem problem, String detail) {
        return new Finding(event.fkbCode(), event.sequence(), problem, detail);
    }
}
