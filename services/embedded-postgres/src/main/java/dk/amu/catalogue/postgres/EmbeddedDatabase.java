package dk.amu.catalogue.postgres;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A real PostgreSQL 17 server run from this JVM, so a fresh machine needs nothing but a JDK. The
 * cluster stays in its folder across restarts; {@link #stop()} and {@link #start()} let a test take
 * the database away and bring it back on the same port, as an outage would.
 *
 * <p>A server belongs to one data directory and one process ({@link Ownership}): one left running by a
 * killed process for the same directory is stopped and started again as ours; one answering the port for
 * another directory is a {@link DatabaseOwnershipException}, never used.
 *
 * <p>Services never see this class: they take a JDBC URL, user and password.
 */
public final class EmbeddedDatabase implements AutoCloseable {

    public static final String USER = "postgres";

    public static final String DATABASE = "postgres";

    private static final Logger log = LoggerFactory.getLogger(EmbeddedDatabase.class);

    private final DatabaseSettings settings;

    private EmbeddedPostgres server;

    private EmbeddedDatabase(DatabaseSettings settings) {
        this.settings = settings;
    }

    /** Starts the server, creating the cluster on first use. */
    public static EmbeddedDatabase start(DatabaseSettings settings) {
        var database = new EmbeddedDatabase(settings);
        database.start();
        return database;
    }

    public synchronized void start() {
        if (server != null) {
            return;
        }
        Ownership.claim(settings);
        try {
            server = EmbeddedPostgres.builder()
                    .setDataDirectory(settings.dataDirectory())
                    .setCleanDataDirectory(false)
                    .setPort(settings.port())
                    // text sorts by code point in the C collation, as they do under C.UTF-8, but PostgreSQL can
                    // then compare by bytes and abbreviated keys: index builds over codes and ids run several
                    // times faster. Only a new cluster is affected: initdb reads it once.
                    .setLocaleConfig("lc-collate", "C")
                    .setServerConfig("listen_addresses", settings.host())
                    // the catalogue is small; a rebuild writes in large batches
                    .setServerConfig("max_connections", "100")
                    .setServerConfig("fsync", "on")
                    // one server, never replicated or archived: the least WAL there is, so a bulk load into tables
                    // made in the same transaction, or switched from unlogged, writes its data files once, not twice
                    .setServerConfig("wal_level", "minimal")
                    .setServerConfig("max_wal_senders", "0")
                    // a rebuild writes gigabytes: no checkpoint in the middle of it
                    .setServerConfig("max_wal_size", "4GB")
                    .setServerConfig("checkpoint_timeout", "30min")
                    .setPGStartupWait(Duration.ofSeconds(60))
                    .setRegisterShutdownHook(true)
                    .start();
            Ownership.verify(settings);
            log.info("PostgreSQL listening on {}:{}, data in {}", settings.host(), settings.port(), settings.dataDirectory());
        }
        catch (DatabaseOwnershipException ex) {
            stop();
            throw ex;
        }
        catch (IOException ex) {
            throw new UncheckedIOException("PostgreSQL did not start in " + settings.dataDirectory()
                    + " on port " + settings.port() + ": " + ex.getMessage(), ex);
        }
    }

    /** Stops the server; the cluster stays in its folder. */
    public synchronized void stop() {
        if (server == null) {
            return;
        }
        try {
            server.close();
        }
        catch (IOException ex) {
            throw new UncheckedIOException("PostgreSQL did not stop: " + ex.getMessage(), ex);
        }
        finally {
            server = null;
        }
    }

    public synchronized boolean isRunning() {
        return server != null;
    }

    public String jdbcUrl() {
        return "jdbc:postgresql://" + settings.host() + ":" + settings.port() + "/" + DATABASE;
    }

    public String username() {
        return USER;
    }

    /** The embedded cluster trusts local connections; a password is never needed. */
    public String password() {
        return "";
    }

    public DatabaseSettings settings() {
        return settings;
    }

    @Override
    public void close() {
        stop();
    }
}
