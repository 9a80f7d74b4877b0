package dk.amu.catalogue.postgres;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Makes sure the server an {@link EmbeddedDatabase} talks to is the one it started, on its own data
 * directory. The library's start-up wait only connects to the port, so without this a server left
 * running by a killed process would be used by whichever start came next, whatever directory it
 * belongs to: one instance reading and writing another's database, against another Kafka log.
 *
 * <ul>
 * <li>A server left running for this directory by a process that is gone is stopped cleanly, so it
 * can be started again as ours.</li>
 * <li>A directory another live process holds is refused.</li>
 * <li>A server answering the port for another directory is refused, naming that directory and its
 * process, and is never used.</li>
 * </ul>
 */
final class Ownership {

    /** The file the library locks while its process owns the directory; the kernel drops it when the process dies. */
    static final String LOCK_FILE = "epg-lock";

    private static final Duration ORPHAN_STOP_WAIT = Duration.ofSeconds(60);

    private static final Logger log = LoggerFactory.getLogger(Ownership.class);

    private Ownership() {
    }

    /** Before a start: clears this directory's orphan, refuses what belongs to someone else. */
    static void claim(DatabaseSettings settings) {
        var directory = settings.dataDirectory().toAbsolutePath().normalize();
        if (Files.isDirectory(directory)) {
            refuseIfHeld(directory);
            Postmaster.of(directory).filter(Postmaster::isRunning).ifPresent(orphan -> stopOrphan(orphan, directory));
        }
        ServerIdentity.on(settings.host(), settings.port()).ifPresent(server -> {
            if (sameDirectory(server.dataDirectory(), directory)) {
                // ours, but its postmaster.pid is gone: still a server no live process owns
                stopOrphan(new Postmaster(server.pid(), server.dataDirectory(), settings.port()), directory);
            }
            else {
                throw foreign(settings, server);
            }
        });
    }

    /** After a start: the server on the port must be the one on this directory. */
    static void verify(DatabaseSettings settings) {
        var directory = settings.dataDirectory().toAbsolutePath().normalize();
        var server = ServerIdentity.on(settings.host(), settings.port())
                .orElseThrow(() -> new DatabaseOwnershipException("PostgreSQL for " + directory + " reported a start, "
                        + "but nothing answers on " + settings.host() + ":" + settings.port()));
        if (!sameDirectory(server.dataDirectory(), directory)) {
            throw foreign(settings, server);
        }
    }

    private static DatabaseOwnershipException foreign(DatabaseSettings settings, ServerIdentity server) {
        long pid = Postmaster.of(server.dataDirectory()).map(Postmaster::pid).orElse(server.pid());
        return new DatabaseOwnershipException("Port " + settings.host() + ":" + settings.port() + " is taken by the "
                + "PostgreSQL server of another data directory, " + server.dataDirectory() + " (process " + pid + "). "
                + "It was not used, and nothing in either directory was changed. Stop that server (kill -INT " + pid
                + ") or give this start another database port.");
    }

    private static void refuseIfHeld(Path directory) {
        var lockFile = directory.resolve(LOCK_FILE);
        if (!Files.exists(lockFile)) {
            return;
        }
        try (var channel = FileChannel.open(lockFile, StandardOpenOption.WRITE)) {
            var lock = channel.tryLock();
            if (lock == null) {
                throw held(directory);
            }
            lock.release();
        }
        catch (OverlappingFileLockException ex) {
            throw held(directory);
        }
        catch (IOException ex) {
            throw new UncheckedIOException("cannot check " + lockFile + ": " + ex.getMessage(), ex);
        }
    }

    private static DatabaseOwnershipException held(Path directory) {
        var pid = Postmaster.of(directory).map(postmaster -> " (its PostgreSQL is process " + postmaster.pid() + ")").orElse("");
        return new DatabaseOwnershipException("The PostgreSQL data directory " + directory + " is in use by another "
                + "running process" + pid + ". Stop that process first, or start this one with another data directory.");
    }

    private static void stopOrphan(Postmaster orphan, Path directory) {
        var process = ProcessHandle.of(orphan.pid()).orElse(null);
        if (process == null) {
            return;
        }
        log.warn("A PostgreSQL server (process {}) was left running for {} by a process that is gone; "
                + "stopping it to start it again as this process's own", orphan.pid(), directory);
        // SIGTERM is PostgreSQL's smart shutdown: its clients died with their process, so it stops at once, cleanly
        process.destroy();
        try {
            process.onExit().get(ORPHAN_STOP_WAIT.toSeconds(), TimeUnit.SECONDS);
        }
        catch (TimeoutException | ExecutionException ex) {
            throw new DatabaseOwnershipException("The PostgreSQL server left running for " + directory + " (process "
                    + orphan.pid() + ") did not stop within " + ORPHAN_STOP_WAIT.toSeconds() + " s. Stop it (kill -INT "
                    + orphan.pid() + ") and start again.");
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            throw new DatabaseOwnershipException("interrupted while stopping the PostgreSQL server left running for " + directory);
        }
    }

    private static boolean sameDirectory(Path reported, Path ours) {
        try {
            return Files.exists(ours) && Files.isSameFile(reported, ours);
        }
        catch (IOException ex) {
            return reported.toAbsolutePath().normalize().equals(ours);
        }
    }
}
