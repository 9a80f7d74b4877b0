package dk.amu.catalogue.standalone.launch;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.jar.Attributes;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;

import dk.amu.catalogue.standalone.StandaloneMain;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

class OptimizedLaunchTests {

    @TempDir
    Path directory;

    private Process launcher;

    private final List<String> output = new CopyOnWriteArrayList<>();

    private Thread reader;

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
    void javaDashJarOfTheStandalonesJarLaunchesASecondJvm() throws Exception {
        var jar = jar("Main-Class", StandaloneMain.class.getName());

        assertThat(OptimizedLaunch.launchedJar(StandaloneMain.class, List.of("-Xmx1g"), startedWith(jar, jar + " --debug")))
                .contains(jar);
    }

    @Test
    void javaDashJarOfTheSingleFileJarLaunchesASecondJvm() throws Exception {
        // standalone-exec.jar: Spring Boot's launcher is the Main-Class, the application its Start-Class
        var jar = jar("Start-Class", StandaloneMain.class.getName());

        assertThat(OptimizedLaunch.launchedJar(StandaloneMain.class, List.of(), startedWith(jar, jar))).contains(jar);
    }

    @Test
    void anotherJarsMainOrAClassPathStartRunsTheRuntimeItself() throws Exception {
        var other = jar("Main-Class", "org.example.Main");
        var standalone = jar("Main-Class", StandaloneMain.class.getName());

        assertThat(OptimizedLaunch.launchedJar(StandaloneMain.class, List.of(), startedWith(other, other))).isEmpty();
        // java -cp standalone.jar dk.amu.catalogue.standalone.StandaloneMain
        assertThat(OptimizedLaunch.launchedJar(StandaloneMain.class, List.of(),
                startedWith(standalone, StandaloneMain.class.getName()))).isEmpty();
    }

    @Test
    void theUsersWishOrTheSecondJvmItselfRunsTheRuntimeInThisJvm() throws Exception {
        var jar = jar("Main-Class", StandaloneMain.class.getName());
        var off = startedWith(jar, jar);
        off.setProperty(OptimizedLaunch.ENABLED, "false");
        var second = startedWith(jar, jar);
        second.setProperty(OptimizedLaunch.LAUNCHED_AT, "1");

        assertThat(OptimizedLaunch.launchedJar(StandaloneMain.class, List.of(), off)).isEmpty();
        assertThat(OptimizedLaunch.launchedJar(StandaloneMain.class, List.of(), second)).isEmpty();
    }

    @Test
    void anOptionThatBelongsToOneProcessKeepsTheRuntimeInThisJvm() throws Exception {
        var jar = jar("Main-Class", StandaloneMain.class.getName());

        for (var option : List.of("-agentlib:jdwp=transport=dt_socket,server=y,suspend=n,address=5005",
                "-javaagent:/opt/agent.jar", "-Dcom.sun.management.jmxremote.port=9010",
                "-XX:StartFlightRecording=filename=start.jfr", "-XX:ArchiveClassesAtExit=app.jsa",
                "-Xlog:gc:file=gc.log")) {
            assertThat(OptimizedLaunch.launchedJar(StandaloneMain.class, List.of("-Xmx1g", option), startedWith(jar, jar)))
                    .as(option).isEmpty();
        }
        assertThat(OptimizedLaunch.launchedJar(StandaloneMain.class, List.of("-Xmx1g", "-Xlog:gc"), startedWith(jar, jar)))
                .as("a log to the terminal is shared anyway").contains(jar);
    }

    @Test
    void killingTheLauncherHaltsTheRuntimeAtOnce() throws Exception {
        var runtime = startLauncher();

        // SIGKILL, as `kill -9` sends; Process.destroyForcibly() would also close the pipe this test reads
        launcher.toHandle().destroyForcibly();
        launcher.onExit().get(10, TimeUnit.SECONDS);

        await().atMost(Duration.ofSeconds(10)).until(() -> !runtime.isAlive());
        reader.join(Duration.ofSeconds(10).toMillis());
        assertThat(reader.isAlive()).as("both ends of the pipe closed").isFalse();
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

    private String jar(String attribute, String mainClass) throws Exception {
        var manifest = new Manifest();
        manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
        manifest.getMainAttributes().putValue(attribute, mainClass);
        var jar = Files.createTempFile(directory, "app", ".jar");
        try (var out = new JarOutputStream(Files.newOutputStream(jar), manifest)) {
            out.flush();
        }
        return jar.toString();
    }

    /** The system properties of {@code java [options] -jar JAR ...} or {@code java -cp JAR MAIN ...}. */
    private static Properties startedWith(String classPath, String command) {
        var properties = new Properties();
        properties.setProperty("java.class.path", classPath);
        properties.setProperty("sun.java.command", command);
        return properties;
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
        reader = ProcessOutput.collect(process, output);
        return process;
    }
}
