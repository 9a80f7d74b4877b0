package dk.amu.catalogue.projections.dashboard;

import java.time.Instant;

import dk.amu.catalogue.projections.rebuild.RebuildProgress;

/**
 * Where a rebuild of the read models stands, for the polled fragment.
 *
 * @param percent  share of the log replayed, 0 to 100
 * @param running  the fragment polls often while true, and rarely otherwise
 */
record RebuildView(String state, boolean running, int percent, long replayed, long target, long skipped,
        Instant startedAt, Instant finishedAt, String message) {

    static RebuildView of(RebuildProgress progress) {
        // a finished replay counts records, its target offsets (commit markers too): done is 100 %
        var percent = progress.state() == RebuildProgress.State.DONE ? 100 : (int) Math.floor(progress.fraction() * 100);
        return new RebuildView(progress.state().name(), progress.running(), percent,
                progress.replayed(), progress.target(), progress.skipped(), progress.startedAt(), progress.finishedAt(),
                progress.message());
    }
}
