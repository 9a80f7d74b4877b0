package dk.amu.catalogue.compose;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.ServerSocketChannel;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

class DockerEngineTests {

    @TempDir
    Path dir;

    @Test
    void shouldSaySoInOneLineWhenNoSocketIsThereAndNothingIsConfigured() {
        var engine = new DockerEngine(null, false, List.of(dir.resolve("docker.sock"), dir.resolve("rootless.sock")));

        assertThat(engine.missing()).hasValueSatisfying(reason -> assertThat(reason)
                .doesNotContain("\n")
                .startsWith("No Docker engine (DOCKER_HOST is not set, no Docker socket at " + dir.resolve("docker.sock") + " ")
                .endsWith("): skipping the Testcontainers ITs; run them where `docker info` works"));
    }

    @Test
    void shouldLeaveItToTestcontainersWhenASocketAnswers() throws IOException {
        var socket = dir.resolve("docker.sock");
        try (var engineSide = listening(socket)) {
            var engine = new DockerEngine(null, false, List.of(dir.resolve("absent.sock"), socket));

            assertThat(engine.missing()).isEmpty();
        }
    }

    @Test
    void shouldNameASocketThatIsThereButRefuses() throws IOException {
        var socket = dir.resolve("docker.sock");
        listening(socket).close(); // the file stays, nobody listens

        assertThat(new DockerEngine(null, false, List.of(socket)).missing()).hasValueSatisfying(reason -> assertThat(reason)
                .startsWith("No Docker engine (DOCKER_HOST is not set, no Docker socket answers: " + socket + ": ")
                .doesNotContain("\n"));
    }

    @Test
    void shouldCheckTheSocketDockerHostNames() throws IOException {
        var socket = dir.resolve("engine.sock");
        var configured = new DockerEngine("unix://" + socket, false, List.of());

        assertThat(configured.missing()).hasValueSatisfying(reason -> assertThat(reason)
                .startsWith("No Docker engine (DOCKER_HOST is unix://" + socket + ", which does not exist): skipping"));
        try (var engineSide = listening(socket)) {
            assertThat(configured.missing()).isEmpty();
        }
    }

    @Test
    void shouldCheckTheTcpAddressDockerHostNames() throws IOException {
        int port;
        try (var engineSide = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = engineSide.getLocalPort();
            assertThat(new DockerEngine("tcp://127.0.0.1:" + port, false, List.of()).missing()).isEmpty();
        }

        assertThat(new DockerEngine("tcp://127.0.0.1:" + port, false, List.of()).missing()).hasValueSatisfying(reason ->
                assertThat(reason).startsWith("No Docker engine (DOCKER_HOST is tcp://127.0.0.1:" + port + ", which does not answer: "));
    }

    @Test
    void shouldLeaveItToTestcontainersWhenItIsToldWhereDockerIs() {
        assertThat(new DockerEngine(null, true, List.of(dir.resolve("docker.sock"))).missing()).isEmpty();
        assertThat(new DockerEngine("ssh://build@127.0.0.1", false, List.of()).missing()).isEmpty();
    }

    private static ServerSocketChannel listening(Path socket) throws IOException {
        var channel = ServerSocketChannel.open(StandardProtocolFamily.UNIX);
        channel.bind(UnixDomainSocketAddress.of(socket));
        return channel;
    }
}
