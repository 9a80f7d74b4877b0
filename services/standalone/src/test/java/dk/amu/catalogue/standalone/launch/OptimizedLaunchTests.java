package dk.amu.catalogue.standalone.launch;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

import dk.amu.catalogue.standalone.StandaloneMain;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

class OptimizedLaunchTests {

    private Process launcher;

    private final List<String> output = new CopyOnWriteArrayList<>();

    @AfterEach
    void stop() {
        if (launcher != null) {
            launcher.descendants().forEach(ProcessHandle::destroyForcibly);
            launcher.destroyForcibly();
        }
    }

    @Test
    void theRuntimeGetsTheOptionFirstThenTheUsersOptionsAndArguments() {
        var command = OptimizedLaunch.command("/jdk/bin/java", List.of("-Xmx1g", "-Dspring.profiles.active=x"), 1234L,
                "target/standalone.jar", new String[] {"--catalogue.standalone.data-directory=/d", "--debug"});

        assertThat(command).containsExactly("/jdk/bin/java", "-XX:TieredStopAtLevel=1", "-Xmx1g",
                "-Dspring.profiles.active=x", "-Dcatalogue.standalone.launched-at=1234", "-jar", "target/standalone.jar",
                "--catalogue.standalone.data-directory=/d", "--debug");
    }

    @Test
    void aJvmNotStartedWithTheStandalonesJarRunsTheRuntimeItself() {
        // this test's JVM was started by Maven, with its own class path and main class
        assertThat(OptimizedLaunch.launchedJar(StandaloneMain.class, List.of())).isEmpty();
    }

    @Test
    void aDebuggerKeepsTheRuntimeInTheJvmItIsAttachedTo() {
        assertThat(OptimizedLaunch.launchedJar(StandaloneMain.class,
                List.of("-agentlib:jdwp=transport=dt_socket,server=y,suspend=n,address=5005"))).isEmpty();
    }

    @Test
    void killingTheLauncherHaltsTheRuntimeAtOnce() throws Exception {
        var runtime = startLauncher();

        launcher.destroyForcibly().onExit().get(10, TimeUnit.SECONDS);

        await().atMost(Duration.ofSeconds(10)).until(() -> !runtime.isAlive());
        assertThat(output).as("halted, as if killed: no graceful stop").doesNotContain("runtime stopped gracefully");
    }

    @Test
    void stoppingTheLauncherStopsTheRuntimeGracefullyFirst() throws Exception {
        var runtime = startLauncher();

        // SIGTERM, as `kill` sends; Process.destroy() would also close the pipe this test reads
        launcher.toHandle().destroy();

        launcher.onExit().get(30, TimeUnit.SECONDS);
        assertThat(runtime.isAlive()).as("the launcher ends after the runtime").isFalse();
        await().atMost(Duration.ofSeconds(5)).until(() -> output.contains("runtime stopped gracefully"));
    }

    @Test
    void theLauncherExitsWithTheRuntimesExitCode() throws Exception {
        launcher = launcherProcess("3");

        assertThat(launcher.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(launcher.exitValue()).isEqualTo(3);
    }

    private ProcessHandle startLauncher() throws Exception {
        launcher = launcherProcess();
        await().atMost(Duration.ofSeconds(30)).until(() -> output.stream().anyMatch(line -> line.startsWith("runtime ")));
        long pid = Long.parseLong(output.stream().filter(line -> line.startsWith("runtime ")).findFirst().orElseThrow()
                .substring("runtime ".length()));
        assertThat(launcher.children().map(ProcessHandle::pid)).as("the runtime is the launcher's child").contains(pid);
        return ProcessHandle.of(pid).orElseThrow();
    }

    private Process launcherProcess(String... args) throws Exception {
        var command = new java.util.ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), LauncherFixture.class.getName()));
        command.addAll(List.of(args));
        var process = new ProcessBuilder(command).redirectErrorStream(true).start();
        ProcessOutput.collect(process, output);
        return process;
    }
}
