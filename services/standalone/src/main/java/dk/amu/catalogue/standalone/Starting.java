package dk.amu.catalogue.standalone;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.function.Supplier;

/**
 * A piece of infrastructure starting on a thread of its own. The broker with the registry, and
 * PostgreSQL, share nothing with each other or with the services' contexts, which spend their first
 * seconds loading classes and reading configuration: each waits for what it needs only when it
 * first needs it (see {@link InfrastructureGate}).
 */
final class Starting<T extends AutoCloseable> implements AutoCloseable {

    private final String what;

    private final CompletableFuture<T> started = new CompletableFuture<>();

    private Starting(String what) {
        this.what = what;
    }

    static <T extends AutoCloseable> Starting<T> begin(String what, String threadName, Supplier<T> start) {
        var starting = new Starting<T>(what);
        var thread = new Thread(() -> {
            try {
                starting.started.complete(start.get());
            }
            catch (Throwable ex) {
                starting.started.completeExceptionally(ex);
            }
        }, threadName);
        thread.setDaemon(true);
        thread.start();
        return starting;
    }

    /** The running thing; a failure to start is thrown as it was, so the failure analysers know it. */
    T await() {
        try {
            return started.get();
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while " + what + " was starting", ex);
        }
        catch (ExecutionException ex) {
            if (ex.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            if (ex.getCause() instanceof Error error) {
                throw error;
            }
            throw new IllegalStateException(what + " did not start: " + ex.getCause().getMessage(), ex.getCause());
        }
    }

    /** Stops it once it has started, also when nobody ever took it. */
    @Override
    public void close() throws Exception {
        T running;
        try {
            running = started.join();
        }
        catch (RuntimeException ex) {
            return; // it never started: nothing to stop
        }
        running.close();
    }
}
