package dk.amu.catalogue.standalone.launch;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

import dk.amu.catalogue.standalone.crash.StandaloneProcess;
import dk.amu.catalogue.standalone.crash.StandaloneProcess.Settings;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The README's {@code java -jar services/standalone/target/standalone.jar}, after {@code package} made the
 * jar: the runtime runs in a second JVM with the launch option, serves, dies with a killed launcher,
 * starts again on the same data, and stops gracefully with a stopped one.
 */
class OptimizedLaunchIT {

    private static final Path JAR = Path.of("target", "standalone.jar");

    @TempDir
    Path data;

    private final List<Process> started = new ArrayList<>();

    private final List<String> output = new CopyOnWriteArrayList<>();

    @AfterEach
    void stop() throws Exception {
        for (var process : started) {
            process.descendants().forEach(ProcessHandle::destroy);
            process.toHandle().destroy();
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                process.descendants().forEach(ProcessHandle::destroyForcibly);
                process.destroyForcibly();
            }
        }
        // a PostgreSQL that a killed runtime left, if the test ended before a start took it over
        var pid = data.resolve("postgres").resolve("postmaster.pid");
        if (Files.exists(pid)) {
            ProcessHandle.of(Long.parseLong(Files.readAllLines(pid).get(0).trim())).ifPresent(ProcessHandle::destroy);
        }
    }

    @Test
    void javaDashJarRunsTheRuntimeInASecondJvmThatEndsWithTheFirst() throws Exception {
        assertThat(JAR).as("made by package, before this test").exists();
        var settings = Settings.in(data);

        var first = start(settings);
        var runtime = first.toHandle().children().findFirst().orElseThrow();
        assertThat(runtime.info().arguments().orElseThrow()).contains("-XX:TieredStopAtLevel=1", "-jar");
        assertThat(get(settings.url("projections") + "/api/fkbs")).isEqualTo(200);

        first.destroyForcibly().onExit().get(10, TimeUnit.SECONDS);
        await().atMost(Duration.ofSeconds(10)).until(() -> !runtime.isAlive());

        // the same data directory, with the PostgreSQL the killed runtime left running
        var second = start(settings);
        assertThat(get(settings.url("projections") + "/api/fkbs")).isEqualTo(200);
        var secondRuntime = second.toHandle().children().findFirst().orElseThrow();

        second.toHandle().destroy();
        assertThat(second.waitFor(90, TimeUnit.SECONDS)).isTrue();
        assertThat(secondRuntime.isAlive()).as("the launcher ends after the runtime").isFalse();
        assertThat(Files.exists(data.resolve("postgres").resolve("postmaster.pid")))
                .as("the runtime stopped PostgreSQL on its way out").isFalse();
    }

    private Process start(Settings settings) throws Exception {
        output.clear();
        var command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-jar", JAR.toString()));
        command.addAll(settings.arguments());
        command.add("--catalogue.ingest.samples=false");
        var process = new ProcessBuilder(command).redirectErrorStream(true).start();
        started.add(process);
        ProcessOutput.collect(process, output);
        await().atMost(Duration.ofMinutes(5))
                .failFast("the standalone stopped: " + output, () -> !process.isAlive())
                .until(() -> output.stream().anyMatch(line -> line.contains(StandaloneProcess.READY)));
        return process;
    }

    private static int get(String url) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(url)).build(),
                HttpResponse.BodyHandlers.discarding()).statusCode();
    }
}
