package dk.amu.catalogue.audit.cli;

import java.io.PrintStream;

import dk.amu.catalogue.audit.replay.Progress;

/** A one-line bar on stderr, redrawn at most a few times a second; for terminals only. */
final class ProgressBar implements Progress {

    private static final int WIDTH = 30;

    private static final long REDRAW_NANOS = 200_000_000L;

    private final PrintStream err;

    private long lastDrawn;

    private boolean drawn;

    ProgressBar(PrintStream err) {
        this.err = err;
    }

    /** The bar where a person watches (System.console() is there), else nothing that could garble a pipe or a log. */
    static Progress forTerminal(PrintStream err, boolean wanted) {
        return wanted && System.console() != null ? new ProgressBar(err) : Progress.NONE;
    }

    @Override
    public void advanced(long read, long total) {
        long now = System.nanoTime();
        if (drawn && now - lastDrawn < REDRAW_NANOS && read < total) {
            return;
        }
        lastDrawn = now;
        drawn = true;
        int filled = total == 0 ? WIDTH : (int) (WIDTH * read / total);
        err.printf("\r[%s%s] %3d%% %,d/%,d records", "#".repeat(filled), " ".repeat(WIDTH - filled),
                total == 0 ? 100 : 100 * read / total, read, total);
        err.flush();
    }

    /** Clears the line, so the answer starts on a clean one. */
    void done() {
        if (drawn) {
            err.print("\r" + " ".repeat(WIDTH + 40) + "\r");
            err.flush();
        }
    }
}
