package dk.amu.catalogue.standalone;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;

import dk.amu.catalogue.postgres.DatabaseSettings;
import dk.amu.catalogue.postgres.EmbeddedDatabase;

/**
 * PostgreSQL starting on a thread of its own while the broker and the registry start on the main one:
 * the three share nothing, and PostgreSQL spends its start in another process (initdb, then the
 * server), so the two take the time of the longer, not of both.
 */
final class StartingDatabase implements AutoCloseable {

    private final CompletableFuture<EmbeddedDatabase> database = new CompletableFuture<>();

    private StartingDatabase() {
    }

    static StartingDatabase begin(DatabaseSettings settings) {
        var starting = new StartingDatabase();
        var thread = new Thread(() -> {
            try {
                starting.database.complete(EmbeddedDatabase.start(settings));
            }
            catch (Throwable ex) {
                starting.database.completeExceptionally(ex);
            }
        }, "postgres-start");
        thread.setDaemon(true);
        thread.start();
        return starting;
    }

    /** The running database; a failure to start is thrown as it was, for the failure analysers. */
    EmbeddedDatabase await() {
        try {
            return database.get();
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while PostgreSQL was starting", ex);
        }
        catch (ExecutionException ex) {
            if (ex.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            if (ex.getCause() instanceof Error error) {
                throw error;
            }
            throw new IllegalStateException(ex.getCause());
        }
    }

    /** Stops the database once it has started, also when the broker failed first and nobody took it. */
    @Override
    public void close() {
        try {
            database.join().close();
        }
        catch (RuntimeException ex) {
            // it never started: nothing to stop
        }
    }
}
