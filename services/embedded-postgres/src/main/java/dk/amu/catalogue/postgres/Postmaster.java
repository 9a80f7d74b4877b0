package dk.amu.catalogue.postgres;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * A PostgreSQL server as its {@code postmaster.pid} describes it: the file the server writes into its
 * data directory while it runs (process id, data directory, start time, port, ... one per line) and
 * removes when it stops. A file left behind by a server that was killed names a process that is gone.
 *
 * @param pid           the postmaster's process id
 * @param dataDirectory the data directory the server runs on, as the server wrote it
 * @param port          the port the server listens on
 */
record Postmaster(long pid, Path dataDirectory, int port) {

    static final String PID_FILE = "postmaster.pid";

    /** The server the data directory's {@code postmaster.pid} names, if the file is there and complete. */
    static Optional<Postmaster> of(Path dataDirectory) {
        List<String> lines;
        try {
            lines = Files.readAllLines(dataDirectory.resolve(PID_FILE), StandardCharsets.UTF_8);
        }
        catch (NoSuchFileException ex) {
            return Optional.empty();
        }
        catch (IOException ex) {
            throw new UncheckedIOException("cannot read " + dataDirectory.resolve(PID_FILE) + ": " + ex.getMessage(), ex);
        }
        // an empty or half-written file is what a server leaves when it dies while starting
        if (lines.size() < 4 || lines.get(0).isBlank() || lines.get(3).isBlank()) {
            return Optional.empty();
        }
        try {
            return Optional.of(new Postmaster(Long.parseLong(lines.get(0).trim()), Path.of(lines.get(1).trim()),
                    Integer.parseInt(lines.get(3).trim())));
        }
        catch (NumberFormatException ex) {
            return Optional.empty();
        }
    }

    /** Whether the process is running and is a PostgreSQL server, not another process that got the same id. */
    boolean isRunning() {
        return ProcessHandle.of(pid)
                .filter(ProcessHandle::isAlive)
                .map(process -> process.info().command().map(command -> command.contains("postgres")).orElse(true))
                .orElse(false);
    }
}
