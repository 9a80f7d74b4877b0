package dk.amu.catalogue.audit.replay;

import java.time.Duration;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Lets at most a set number of replays run at once and refuses the rest at once, rather than
 * queueing them: every replay reads the whole log, so a queue would only make each answer slower
 * while holding a request thread. A refusal says when to try again, from how long replays take.
 */
public final class ReplayGate {

    private final int limit;

    private final Semaphore permits;

    private final AtomicLong started = new AtomicLong();

    private final AtomicLong refused = new AtomicLong();

    private volatile long lastReplayNanos = Duration.ofSeconds(1).toNanos();

    public ReplayGate(int limit) {
        this.limit = limit;
        this.permits = new Semaphore(limit);
    }

    /**
     * A place for one replay, to close when it ends.
     *
     * @throws ReplaysBusyException when the limit is reached
     */
    public Permit enter() {
        if (!permits.tryAcquire()) {
            refused.incrementAndGet();
            throw new ReplaysBusyException(limit, retryAfter());
        }
        started.incrementAndGet();
        return new Permit(System.nanoTime());
    }

    /** Replays let through since start. */
    public long started() {
        return started.get();
    }

    /** Requests refused since start. */
    public long refused() {
        return refused.get();
    }

    /** Replays running now. */
    public int running() {
        return limit - permits.availablePermits();
    }

    /** As long as the last replay took, in whole seconds, at least one: by then a place is likely free. */
    Duration retryAfter() {
        return Duration.ofSeconds(Math.max(1, (lastReplayNanos + 999_999_999L) / 1_000_000_000L));
    }

    /** One replay's place; closing it twice frees it once. */
    public final class Permit implements AutoCloseable {

        private final long enteredAt;

        private final AtomicBoolean closed = new AtomicBoolean();

        private Permit(long enteredAt) {
            this.enteredAt = enteredAt;
        }

        @Override
        public void close() {
            if (closed.compareAndSet(false, true)) {
                lastReplayNanos = System.nanoTime() - enteredAt;
                permits.release();
            }
        }
    }
}
