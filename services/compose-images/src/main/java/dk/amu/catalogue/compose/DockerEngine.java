package dk.amu.catalogue.compose;

import java.io.IOException;
import java.io.Reader;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.StandardProtocolFamily;
import java.net.URI;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.SocketChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.stream.Stream;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.testcontainers.DockerClientFactory;

/**
 * Whether a Docker engine is there for the {@code *IT} tests, decided before Testcontainers is
 * touched: its own search logs a screenful at ERROR on a machine without Docker, and a skip there
 * should be one line saying what to do. Only where a socket answers, or where Docker is reached in
 * a way this class does not probe (TCP, SSH, a Testcontainers setting), does Testcontainers decide.
 */
public final class DockerEngine {

    static final String SKIPPING = ": skipping the Testcontainers ITs; run them where `docker info` works";

    private static final Logger log = LoggerFactory.getLogger(DockerEngine.class);

    private static final int TCP_PROBE_MILLIS = 1000;

    private final String dockerHost;

    private final boolean testcontainersConfigured;

    private final List<Path> sockets;

    /**
     * @param dockerHost the engine's address if one is configured ({@code DOCKER_HOST}), else null
     * @param testcontainersConfigured whether Testcontainers is told where Docker is in a way of its own
     * @param sockets where an engine listens when none is configured, in the order Testcontainers looks
     */
    DockerEngine(String dockerHost, boolean testcontainersConfigured, List<Path> sockets) {
        this.dockerHost = dockerHost;
        this.testcontainersConfigured = testcontainersConfigured;
        this.sockets = List.copyOf(sockets);
    }

    /**
     * Why the {@code *IT} tests cannot run in this JVM, in one line that says what to do, or empty
     * where they can. Decided once per JVM and logged once, at WARN.
     */
    public static Optional<String> missingHere() {
        return Here.MISSING;
    }

    /** Why no engine answers, without asking Testcontainers; empty where one may. */
    Optional<String> missing() {
        if (testcontainersConfigured) {
            return Optional.empty();
        }
        if (dockerHost != null) {
            return missingAt(dockerHost);
        }
        var refusals = new ArrayList<String>();
        for (var socket : sockets) {
            if (Files.exists(socket)) {
                var refusal = refusal(socket);
                if (refusal.isEmpty()) {
                    return Optional.empty();
                }
                refusals.add(socket + ": " + refusal.get());
            }
        }
        if (refusals.isEmpty()) {
            return Optional.of("No Docker engine (DOCKER_HOST is not set, no Docker socket at " + sockets.get(0)
                    + " nor where rootless Docker or Docker Desktop put theirs)" + SKIPPING);
        }
        return Optional.of("No Docker engine (DOCKER_HOST is not set, no Docker socket answers: "
                + String.join("; ", refusals) + ")" + SKIPPING);
    }

    private static Optional<String> missingAt(String dockerHost) {
        var uri = URI.create(dockerHost);
        if ("unix".equals(uri.getScheme())) {
            var socket = Path.of(uri.getPath());
            if (!Files.exists(socket)) {
                return Optional.of("No Docker engine (DOCKER_HOST is " + dockerHost + ", which does not exist)" + SKIPPING);
            }
            return refusal(socket).map(refusal -> "No Docker engine (DOCKER_HOST is " + dockerHost
                    + ", which does not answer: " + refusal + ")" + SKIPPING);
        }
        if ("tcp".equals(uri.getScheme()) && uri.getHost() != null && uri.getPort() > 0) {
            try (var probe = new Socket()) {
                probe.connect(new InetSocketAddress(uri.getHost(), uri.getPort()), TCP_PROBE_MILLIS);
                return Optional.empty();
            }
            catch (IOException ex) {
                return Optional.of("No Docker engine (DOCKER_HOST is " + dockerHost + ", which does not answer: "
                        + ex.getMessage() + ")" + SKIPPING);
            }
        }
        // ssh, npipe: Testcontainers' own affair
        return Optional.empty();
    }

    /** Why the socket refuses a connection, or empty if it accepts one. */
    private static Optional<String> refusal(Path socket) {
        try (var channel = SocketChannel.open(StandardProtocolFamily.UNIX)) {
            channel.connect(UnixDomainSocketAddress.of(socket));
            return Optional.empty();
        }
        catch (IOException | UnsupportedOperationException ex) {
            return Optional.of(String.valueOf(ex.getMessage()));
        }
    }

    /** This JVM's engine, from the same places Testcontainers reads. */
    private static final class Here {

        static final Optional<String> MISSING = decide();

        private static Optional<String> decide() {
            var missing = probe().missing();
            if (missing.isEmpty() && !DockerClientFactory.instance().isDockerAvailable()) {
                missing = Optional.of("No working Docker engine (Testcontainers' log above says why)" + SKIPPING);
            }
            missing.ifPresent(log::warn);
            return missing;
        }

        private static DockerEngine probe() {
            var env = System.getenv();
            var home = Path.of(System.getProperty("user.home"));
            var user = userProperties(home);
            var dockerHost = Stream.of(env.get("DOCKER_HOST"), System.getProperty("docker.host"),
                            env.get("TESTCONTAINERS_DOCKER_HOST"), user.getProperty("docker.host"))
                    .filter(value -> value != null && !value.isBlank()).findFirst().orElse(null);
            var configured = System.getProperty("os.name", "").startsWith("Windows")
                    || Stream.of("TESTCONTAINERS_TC_HOST", "TESTCONTAINERS_DOCKER_CLIENT_STRATEGY").anyMatch(env::containsKey)
                    || user.containsKey("tc.host") || user.containsKey("docker.client.strategy");
            return new DockerEngine(dockerHost, configured, sockets(env, home));
        }

        private static List<Path> sockets(Map<String, String> env, Path home) {
            var sockets = new ArrayList<Path>();
            sockets.add(Path.of("/var/run/docker.sock"));
            Optional.ofNullable(env.get("XDG_RUNTIME_DIR")).ifPresent(dir -> sockets.add(Path.of(dir, "docker.sock")));
            sockets.add(home.resolve(".docker/run/docker.sock"));
            sockets.add(home.resolve(".docker/desktop/docker.sock"));
            try {
                sockets.add(Path.of("/run/user", Files.getAttribute(Path.of("/proc/self"), "unix:uid").toString(), "docker.sock"));
            }
            catch (IOException | UnsupportedOperationException | IllegalArgumentException ex) {
                // not Linux: no per-user runtime directory to look in
            }
            return sockets;
        }

        private static Properties userProperties(Path home) {
            var properties = new Properties();
            var file = home.resolve(".testcontainers.properties");
            if (Files.isReadable(file)) {
                try (Reader reader = Files.newBufferedReader(file)) {
                    properties.load(reader);
                }
                catch (IOException ex) {
                    throw new IllegalStateException("cannot read " + file, ex);
                }
            }
            return properties;
        }
    }
}
