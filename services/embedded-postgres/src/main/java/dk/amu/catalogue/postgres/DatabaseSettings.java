package dk.amu.catalogue.postgres;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;

/**
 * Where an embedded PostgreSQL keeps its cluster and where it listens.
 *
 * @param dataDirectory the cluster's folder; an existing cluster there is kept and reused
 * @param host          the only address the server listens on
 * @param port          the server's port
 */
public record DatabaseSettings(Path dataDirectory, String host, int port) {

    public DatabaseSettings {
        if (port <= 0 || port > 65535) {
            throw new IllegalArgumentException("the database port must be between 1 and 65535, got " + port);
        }
    }

    /** A cluster on a free loopback port, for tests. */
    public static DatabaseSettings onFreePort(Path dataDirectory) {
        try (var socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return new DatabaseSettings(dataDirectory, "127.0.0.1", socket.getLocalPort());
        }
        catch (IOException ex) {
            throw new UncheckedIOException("no free local port", ex);
        }
    }
}
