package dk.amu.catalogue.projections.rebuild;

import java.time.Instant;

/**
 * Where a rebuild stands. The live tables serve throughout; they are replaced only at SWITCHING.
 *
 * @param replayed events applied to the shadow tables so far
 * @param target   events the log held when the replay began (it catches up on later ones before switching)
 * @param skipped  records the replay could not decode or apply; the live consumer dead-lettered them already
 * @param message  why it failed; null otherwise
 */
public record RebuildProgress(State state, Instant startedAt, Instant finishedAt, long replayed, long target,
        long skipped, String message) {

    public enum State {
        /** No rebuild since the service started. */
        IDLE,
        /** Creating the shadow schema with the live schema's migrations. */
        MIGRATING,
        /** Replaying the log from offset 0 into the shadow schema. */
        REPLAYING,
        /** Live consumer stopped; catching up the last events and renaming the schemas in one transaction. */
        SWITCHING,
        DONE,
        FAILED
    }

    static RebuildProgress idle() {
        return new RebuildProgress(State.IDLE, null, null, 0, 0, 0, null);
    }

    /** The share of the target replayed, 0 to 1. */
    public double fraction() {
        return target == 0 ? (state == State.DONE ? 1 : 0) : Math.min(1.0, (double) replayed / target);
    }

    public boolean running() {
        return state == State.MIGRATING || state == State.REPLAYING || state == State.SWITCHING;
    }
}
