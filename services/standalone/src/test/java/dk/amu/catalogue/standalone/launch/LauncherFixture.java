package dk.amu.catalogue.standalone.launch;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** A first JVM, as {@code java -jar standalone.jar} is: it runs {@link RuntimeFixture} in a second one and waits. */
public final class LauncherFixture {

    private LauncherFixture() {
    }

    public static void main(String[] args) {
        var command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), "-D" + OptimizedLaunch.LAUNCHED_AT + "=1",
                RuntimeFixture.class.getName()));
        command.addAll(List.of(args));
        System.exit(OptimizedLaunch.run(command));
    }
}
