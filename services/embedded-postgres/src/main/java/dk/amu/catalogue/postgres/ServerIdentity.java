package dk.amu.catalogue.postgres;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Path;
import java.time.Duration;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.locks.LockSupport;

/**
 * Who answers on a host and port: a PostgreSQL server asked for its data directory ({@code SHOW
 * data_directory}) and its postmaster's process id (the parent of the session's backend), or nothing.
 *
 * @param dataDirectory the server's data directory, as the server reports it
 * @param pid           the postmaster's process id, or -1 where the backend's parent is not visible
 */
record ServerIdentity(Path dataDirectory, long pid) {

    private static final int CONNECT_TIMEOUT_MILLIS = 1_000;

    /** A server that is starting, stopping or recovering answers "cannot connect now" for this long at most. */
    private static final Duration BUSY_WAIT = Duration.ofSeconds(60);

    /** PostgreSQL's SQLSTATE for "the database system is starting up" (or shutting down, or in recovery). */
    private static final String CANNOT_CONNECT_NOW = "57P03";

    /** Empty when nothing listens on the port. */
    static Optional<ServerIdentity> on(String host, int port) {
        long deadline = System.nanoTime() + BUSY_WAIT.toNanos();
        while (true) {
            try {
                return ask(host, port);
            }
            catch (SQLException ex) {
                if (!CANNOT_CONNECT_NOW.equals(ex.getSQLState()) || System.nanoTime() > deadline) {
                    throw new DatabaseOwnershipException("Port " + host + ":" + port + " is taken by a process that is "
                            + "not a PostgreSQL server this start can identify (" + ex.getMessage() + "). It was not "
                            + "used. Stop that process or choose another port for the embedded PostgreSQL.");
                }
                LockSupport.parkNanos(Duration.ofMillis(100).toNanos());
            }
        }
    }

    private static Optional<ServerIdentity> ask(String host, int port) throws SQLException {
        if (!listening(host, port)) {
            return Optional.empty();
        }
        var properties = new Properties();
        properties.setProperty("user", EmbeddedDatabase.USER);
        properties.setProperty("password", "");
        properties.setProperty("connectTimeout", "2");
        properties.setProperty("socketTimeout", "5");
        properties.setProperty("ApplicationName", "embedded-postgres ownership check");
        var url = "jdbc:postgresql://" + host + ":" + port + "/" + EmbeddedDatabase.DATABASE;
        try (var connection = DriverManager.getConnection(url, properties);
                var result = connection.createStatement().executeQuery("select current_setting('data_directory'), pg_backend_pid()")) {
            result.next();
            long backend = result.getLong(2);
            long postmaster = ProcessHandle.of(backend).flatMap(ProcessHandle::parent).map(ProcessHandle::pid).orElse(-1L);
            return Optional.of(new ServerIdentity(Path.of(result.getString(1)), postmaster));
        }
    }

    private static boolean listening(String host, int port) {
        try (var socket = new Socket()) {
            socket.connect(new InetSocketAddress(host, port), CONNECT_TIMEOUT_MILLIS);
            return true;
        }
        catch (IOException ex) {
            return false;
        }
    }
}
