package dk.amu.catalogue.audit.support;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.util.Arrays;
import java.util.Map;
import java.util.regex.Pattern;

import dk.amu.catalogue.audit.cli.AuditCommand;
import dk.amu.catalogue.testkit.CatalogueInfrastructure;

/** One run of the audit command line, as a script sees it: exit code, stdout, stderr. */
public record CommandRun(int exitCode, String out, String err, byte[] outBytes) {

    /** The settings that point the command line at the test JVM's Kafka and registry. */
    public static Map<String, Object> kafka() {
        var running = CatalogueInfrastructure.running();
        return Map.of("spring.kafka.bootstrap-servers", running.bootstrapServers(),
                "catalogue.registry-url", running.registryUrl());
    }

    public static CommandRun of(Map<String, Object> settings, String... args) {
        var out = new ByteArrayOutputStream();
        var err = new ByteArrayOutputStream();
        int code;
        try (var outStream = new PrintStream(out, true, UTF_8); var errStream = new PrintStream(err, true, UTF_8)) {
            code = AuditCommand.run(args, settings, outStream, errStream);
        }
        return new CommandRun(code, out.toString(UTF_8), err.toString(UTF_8), out.toByteArray());
    }

    /** The line of a table that starts with these cells, in order, separated by white space. */
    public String row(String... cells) {
        var pattern = String.join("\\s+", Arrays.stream(cells).map(Pattern::quote).toList());
        return out.lines().filter(line -> line.matches(pattern + "(\\s.*)?")).findFirst()
                .orElseThrow(() -> new AssertionError("no row starting " + String.join(" ", cells) + " in:\n" + out));
    }
}
