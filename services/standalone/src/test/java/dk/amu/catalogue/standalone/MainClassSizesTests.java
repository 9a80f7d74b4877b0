package dk.amu.catalogue.standalone;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/**
 * No main class of any module is over 250 lines (docs/architecture.md): a longer one does several
 * jobs. A byte writer may be longer if its javadoc says so, with the reason. The standalone depends
 * on every module, so its tests read the sources of all of them.
 */
class MainClassSizesTests {

    static final int MOST_LINES = 250;

    @Test
    void shouldKeepEveryMainClassWithin250Lines() throws IOException {
        var services = Path.of("..").toAbsolutePath().normalize();
        assertThat(services.resolve("standalone")).as("run from the standalone module's folder").isDirectory();
        try (Stream<Path> files = Files.walk(services)) {
            var tooLong = files.filter(f -> f.toString().endsWith(".java") && f.toString().contains("/src/main/java/"))
                    .filter(f -> lines(f) > MOST_LINES && !text(f).contains("byte writer"))
                    .map(f -> services.relativize(f) + " (" + lines(f) + " lines)")
                    .sorted()
                    .toList();
            assertThat(tooLong).as("main classes over %d lines", MOST_LINES).isEmpty();
        }
    }

    private static long lines(Path file) {
        return text(file).lines().count();
    }

    private static String text(Path file) {
        try {
            return Files.readString(file);
        }
        catch (IOException ex) {
            throw new IllegalStateException("cannot read " + file, ex);
        }
    }
}
