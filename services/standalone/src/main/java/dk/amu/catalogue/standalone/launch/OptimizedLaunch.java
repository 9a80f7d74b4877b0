package dk.amu.catalogue.standalone.launch;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicReference;
import java.util.jar.JarFile;

/**
 * {@code java -jar standalone.jar} starts the runtime in a second JVM, with the option that Spring Boot's
 * own {@code spring-boot:run} gives an application for a fast start ({@code optimizedLaunch}):
 * {@code -XX:TieredStopAtLevel=1}, the C1 compiler only. A jar's manifest has no place for JVM options.
 * The start is bound by CPU, and on two cores the C2 compiler took some 40 % of it (docs/benchmarks.md,
 * "Standalone ready time"). The cost is peak speed: code compiled by C1 runs slower than C2's, which the
 * standalone's load of one user does not notice; a deployment runs each service in its own JVM anyway.
 *
 * <p>The first JVM only waits. It passes on its JVM options and the arguments, and the runtime writes
 * to the same terminal. A stop (SIGTERM, Ctrl-C) is passed on, and it waits for the runtime's graceful
 * shutdown; it exits with the runtime's exit code. Killed ({@code kill -9}), it cannot pass anything on:
 * then the runtime reads the end of its standard input, which the first JVM held, and halts at once,
 * as if killed itself ({@link #haltWithLauncher()}).
 *
 * <p>{@code -Dcatalogue.standalone.optimized-launch=false} runs the runtime in the first JVM, with the
 * JVM's own defaults. So does a JVM option that belongs to one process ({@link #oneProcessOnly}: an
 * agent, a debugger, remote JMX, a flight recording, a log file), and any start other than
 * {@code java -jar} of the standalone's jar (tests, an IDE, {@code spring-boot:run}, which gives the
 * option itself).
 */
public final class OptimizedLaunch {

    /** When the first JVM started, in epoch milliseconds: "ready in" counts from there. */
    public static final String LAUNCHED_AT = "catalogue.standalone.launched-at";

    /** {@code false}: no second JVM. */
    public static final String ENABLED = "catalogue.standalone.optimized-launch";

    /** Before the user's own options, which therefore win. */
    static final List<String> OPTIONS = List.of("-XX:TieredStopAtLevel=1");

    /** Read by the {@code java} command or the JVM from the environment, and already among the input arguments. */
    static final List<String> ENVIRONMENT_OPTIONS = List.of("JDK_JAVA_OPTIONS", "JAVA_TOOL_OPTIONS", "_JAVA_OPTIONS");

    private OptimizedLaunch() {
    }

    /**
     * Runs {@code mainClass}'s jar in a JVM of its own and returns its exit code; or returns empty when
     * the runtime is to run in this JVM.
     */
    public static Optional<Integer> relaunch(Class<?> mainClass, String[] args) {
        var runtime = ManagementFactory.getRuntimeMXBean();
        var arguments = runtime.getInputArguments();
        var jar = launchedJar(mainClass, arguments, System.getProperties());
        if (jar.isEmpty()) {
            return Optional.empty();
        }
        var command = command(Path.of(System.getProperty("java.home"), "bin", "java").toString(), arguments,
                runtime.getStartTime(), jar.get(), args);
        return Optional.of(run(command));
    }

    /**
     * The jar this JVM was started with by {@code java -jar}, if it is {@code mainClass}'s and nothing speaks
     * against a second JVM: the user's wish, a start that is itself the second JVM, or a JVM option that only
     * one process may have.
     */
    static Optional<String> launchedJar(Class<?> mainClass, List<String> jvmArguments, Properties system) {
        if ("false".equals(system.getProperty(ENABLED)) || system.getProperty(LAUNCHED_AT) != null
                || jvmArguments.stream().anyMatch(OptimizedLaunch::oneProcessOnly)) {
            return Optional.empty();
        }
        var classPath = system.getProperty("java.class.path", "");
        var command = system.getProperty("sun.java.command", "");
        if (!classPath.endsWith(".jar") || classPath.contains(File.pathSeparator)
                || !(command.equals(classPath) || command.startsWith(classPath + " "))) {
            return Optional.empty();
        }
        return startsMain(Path.of(classPath), mainClass) ? Optional.of(classPath) : Optional.empty();
    }

    static List<String> command(String java, List<String> jvmArguments, long launchedAt, String jar, String[] args) {
        var command = new ArrayList<String>();
        command.add(java);
        command.addAll(OPTIONS);
        command.addAll(jvmArguments);
        command.add("-D" + LAUNCHED_AT + "=" + launchedAt);
        command.add("-jar");
        command.add(jar);
        command.addAll(Arrays.asList(args));
        return command;
    }

    /** Starts the command, passes a stop on, and returns its exit code once it has ended. */
    static int run(List<String> command) {
        var started = new AtomicReference<Process>();
        // before the start, so that no stop falls between the two
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            var running = started.get();
            if (running != null) {
                // SIGTERM only: Process.destroy() would also close the pipe, which the runtime takes for a kill
                running.toHandle().destroy();
                awaitExit(running);
            }
        }, "launcher-stop"));
        var builder = new ProcessBuilder(command).redirectOutput(ProcessBuilder.Redirect.INHERIT)
                .redirectError(ProcessBuilder.Redirect.INHERIT);
        // their options are in this JVM's input arguments, which the command passes on
        ENVIRONMENT_OPTIONS.forEach(builder.environment()::remove);
        try {
            // standard input stays a pipe that only this JVM holds: its end tells the runtime this JVM is gone
            started.set(builder.start());
        }
        catch (IOException ex) {
            throw new UncheckedIOException("cannot start " + command.get(0), ex);
        }
        return awaitExit(started.get());
    }

    /**
     * In the runtime's JVM: once the JVM that launched it is gone (its pipe on standard input closes),
     * halt at once, as that JVM was killed without a chance to stop this one.
     */
    public static void haltWithLauncher() {
        haltWhenClosed(System.in);
    }

    static void haltWhenClosed(InputStream launcher) {
        var watch = new Thread(() -> {
            try {
                while (launcher.read() != -1) {
                    // the launcher writes nothing; anything read is ignored
                }
            }
            catch (IOException ex) {
                // a broken pipe is the launcher gone too
            }
            Runtime.getRuntime().halt(137);
        }, "launcher-watch");
        watch.setDaemon(true);
        watch.start();
    }

    private static int awaitExit(Process process) {
        while (true) {
            try {
                return process.waitFor();
            }
            catch (InterruptedException ex) {
                // keep waiting: this JVM ends after the runtime, never before
            }
        }
    }

    /**
     * Options whose effect belongs to one process, which two JVMs would each take: an agent (a debugger,
     * one that listens on a port), remote JMX on a port, a flight recording, a log file, a class list or
     * archive written at exit. With any of them the runtime stays in this JVM.
     */
    static boolean oneProcessOnly(String argument) {
        return argument.startsWith("-agentlib:") || argument.startsWith("-agentpath:") || argument.startsWith("-javaagent:")
                || argument.startsWith("-Xrunjdwp") || argument.startsWith("-Xdebug")
                || argument.startsWith("-Dcom.sun.management.jmxremote")
                || argument.startsWith("-XX:StartFlightRecording") || argument.startsWith("-XX:FlightRecorderOptions")
                || argument.startsWith("-XX:ArchiveClassesAtExit") || argument.startsWith("-XX:DumpLoadedClassList")
                || argument.startsWith("-Xloggc") || argument.startsWith("-Xlog:") && argument.contains("file=");
    }

    /** Whether the jar starts {@code mainClass}: as its Main-Class, or as the Start-Class of Spring Boot's launcher. */
    private static boolean startsMain(Path jar, Class<?> mainClass) {
        if (!Files.isRegularFile(jar)) {
            return false;
        }
        try (var file = new JarFile(jar.toFile())) {
            var manifest = file.getManifest();
            if (manifest == null) {
                return false;
            }
            var attributes = manifest.getMainAttributes();
            return mainClass.getName().equals(attributes.getValue("Main-Class"))
                    || mainClass.getName().equals(attributes.getValue("Start-Class"));
        }
        catch (IOException ex) {
            return false;
        }
    }
}
