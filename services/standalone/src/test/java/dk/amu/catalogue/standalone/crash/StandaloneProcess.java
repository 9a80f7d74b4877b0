package dk.amu.catalogue.standalone.crash;

import static org.awaitility.Awaitility.await;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

import dk.amu.catalogue.standalone.StandaloneMain;
import org.awaitility.core.ConditionTimeoutException;

/**
 * The standalone as a user runs it: a JVM of its own, so that a test can kill it with SIGKILL (no
 * shutdown hook, no clean close of anything) and start it again on the same data directory and ports.
 */
public final class StandaloneProcess implements AutoCloseable {

    public static final String READY = "AMU catalogue tracker ready in";

    private final Process process;

    private final List<String> output = new CopyOnWriteArrayList<>();

    private volatile Instant readyAt;

    private StandaloneProcess(Process process) {
        this.process = process;
        var reader = new Thread(this::read, "standalone-output");
        reader.setDaemon(true);
        reader.start();
    }

    /** Starts the standalone and waits until it says it is ready. */
    static StandaloneProcess start(Settings settings) {
        var java = ProcessHandle.current().info().command().orElse("java");
        var command = new ArrayList<>(List.of(java, "-Xmx1g", "-cp", System.getProperty("java.class.path"),
                StandaloneMain.class.getName()));
        command.addAll(settings.arguments());
        try {
            var builder = new ProcessBuilder(command).redirectErrorStream(true);
            builder.environment().put("CATALOGUE_ADMIN_TOKEN", settings.adminToken());
            var running = new StandaloneProcess(builder.start());
            try {
                await().atMost(Duration.ofMinutes(4)).until(() -> running.readyAt != null || !running.process.isAlive());
            }
            catch (ConditionTimeoutException ex) {
                running.process.destroyForcibly();
                throw new IllegalStateException("the standalone was not ready within 4 minutes; its output:\n" + running.tail(), ex);
            }
            if (running.readyAt == null) {
                throw new IllegalStateException("the standalone stopped before it was ready; its output:\n" + running.tail());
            }
            return running;
        }
        catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }

    private String tail() {
        return String.join("\n", output.subList(Math.max(0, output.size() - 80), output.size()));
    }

    Instant readyAt() {
        return readyAt;
    }

    List<String> output() {
        return output;
    }

    /** SIGKILL, as {@code kill -9}: the JVM gets no chance to stop anything. */
    void kill() throws Exception {
        process.destroyForcibly().onExit().get(30, TimeUnit.SECONDS);
    }

    private void read() {
        try (var lines = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = lines.readLine()) != null) {
                output.add(line);
                if (line.contains(READY)) {
                    readyAt = Instant.now();
                }
            }
        }
        catch (IOException ex) {
            // the process is gone
        }
    }

    @Override
    public void close() throws Exception {
        if (process.isAlive()) {
            // SIGTERM: a clean stop, which also stops the embedded PostgreSQL
            process.destroy();
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                kill();
            }
        }
    }

    /** One data directory and one set of free ports, kept across the restarts of a test. */
    public record Settings(Path data, Map<String, Integer> ports, String adminToken) {

        public static Settings in(Path data) {
            var ports = new java.util.LinkedHashMap<String, Integer>();
            for (var name : List.of("kafka.port", "kafka.controller-port", "ports.registry", "ports.ingest",
                    "ports.projections", "ports.audit", "ports.notifier", "ports.postgres")) {
                ports.put(name, freePort());
            }
            return new Settings(data, ports, "crash-test-admin-token");
        }

        public List<String> arguments() {
            var arguments = new ArrayList<String>();
            arguments.add("--catalogue.standalone.data-directory=" + data);
            ports.forEach((name, port) -> arguments.add("--catalogue.standalone." + name + "=" + port));
            return arguments;
        }

        public String url(String service) {
            return "http://127.0.0.1:" + ports.get("ports." + service);
        }

        private static int freePort() {
            try (var socket = new ServerSocket(0)) {
                return socket.getLocalPort();
            }
            catch (IOException ex) {
                throw new UncheckedIOException(ex);
            }
        }
    }
}
