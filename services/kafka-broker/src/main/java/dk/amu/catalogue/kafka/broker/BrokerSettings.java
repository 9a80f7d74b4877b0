package dk.amu.catalogue.kafka.broker;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/**
 * Where a single-node broker keeps its data and which ports it listens on.
 *
 * @param dataDirectory  the broker's log and metadata directory; kept across restarts
 * @param host           the address both listeners bind to and the broker advertises
 * @param port           the client (PLAINTEXT) port
 * @param controllerPort the KRaft controller port
 * @param overrides      further broker properties, applied last
 */
public record BrokerSettings(Path dataDirectory, String host, int port, int controllerPort, Map<String, String> overrides) {

    public BrokerSettings {
        overrides = Map.copyOf(overrides);
        if (port <= 0 || controllerPort <= 0 || port == controllerPort) {
            throw new IllegalArgumentException("broker port and controller port must be two distinct positive ports, got "
                    + port + " and " + controllerPort);
        }
    }

    public static BrokerSettings of(Path dataDirectory, String host, int port, int controllerPort) {
        return new BrokerSettings(dataDirectory, host, port, controllerPort, Map.of());
    }

    /** Settings on two free loopback ports, for tests that start their own broker. */
    public static BrokerSettings onFreePorts(Path dataDirectory) {
        return of(dataDirectory, "127.0.0.1", freePort(), freePort());
    }

    public BrokerSettings withOverrides(Map<String, String> more) {
        var merged = new HashMap<>(overrides);
        merged.putAll(more);
        return new BrokerSettings(dataDirectory, host, port, controllerPort, merged);
    }

    public String bootstrapServers() {
        return host + ":" + port;
    }

    /** A port nothing listens on now; the caller binds it soon after, or another process may take it. */
    static int freePort() {
        try (var socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
        catch (IOException ex) {
            throw new UncheckedIOException("no free local port", ex);
        }
    }
}
