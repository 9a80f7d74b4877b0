package dk.amu.catalogue.audit.replay;

import java.time.Duration;

/** As many replays as the service runs at once are running; this question has to wait its turn. */
public class ReplaysBusyException extends RuntimeException {

    private final Duration retryAfter;

    public ReplaysBusyException(int limit, Duration retryAfter) {
        super(limit + " replays of the log are running, as many as this service runs at once "
                + "(catalogue.audit.max-concurrent-replays); ask again in " + retryAfter.toSeconds()
                + " s. A question already answered for the log as it stands now is answered without a replay");
        this.retryAfter = retryAfter;
    }

    public Duration retryAfter() {
        return retryAfter;
    }
}
