package dk.amu.catalogue.standalone;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The jar's main as a user runs it, in a JVM of its own: a command is dispatched before anything of Spring is loaded. */
class StandaloneMainTests {

    @Test
    void shouldAnswerAnAuditCommandWithoutLoadingTheSpringApplication(@TempDir Path dir) throws Exception {
        var classes = dir.resolve("classes.txt");
        var err = dir.resolve("err.txt");
        var java = ProcessHandle.current().info().command().orElse("java");
        var process = new ProcessBuilder(List.of(java, "-Xlog:class+load:file=" + classes, "-cp",
                System.getProperty("java.class.path"), StandaloneMain.class.getName(), "audit", "nosuch"))
                .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .redirectError(err.toFile())
                .start();

        assertThat(process.waitFor(2, TimeUnit.MINUTES)).as("the command ended").isTrue();
        assertThat(process.exitValue()).isEqualTo(2);
        assertThat(Files.readString(err, UTF_8)).startsWith("audit: unknown command 'nosuch'; usage: audit state");
        assertThat(Files.readString(classes, UTF_8)).contains("dk.amu.catalogue.audit.cli.AuditCommand")
                .doesNotContain("dk.amu.catalogue.standalone.StandaloneApplication", "org.springframework.context.ApplicationContext");
    }
}
