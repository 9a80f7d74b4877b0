package dk.amu.catalogue.testkit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;

/**
 * The sample FKB documents ingest ships (its {@code samples/*.txt}, read from the class path of a test that
 * has ingest on it), and revisions of them made by editing their table rows.
 */
public final class FixtureDocuments {

    private FixtureDocuments() {
    }

    public static String viden() {
        return text("samples/viden-og-forretningsservice.txt");
    }

    public static String offentlig() {
        return text("samples/offentlig-forvaltning.txt");
    }

    public static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    /** The document without the table rows of these courses. */
    public static String withoutCourses(String document, String... courseNumbers) {
        return editRows(document, line -> Arrays.stream(courseNumbers).anyMatch(n -> line.strip().startsWith(n + " ")) ? null : line);
    }

    /** The document with one course's row replaced. */
    public static String withRow(String document, String courseNumber, String row) {
        return editRows(document, line -> line.strip().startsWith(courseNumber + " ") ? row : line);
    }

    private static String editRows(String document, UnaryOperator<String> edit) {
        return document.lines().map(edit).filter(line -> line != null).collect(Collectors.joining("\n", "", "\n"));
    }

    private static String text(String resource) {
        try (var in = FixtureDocuments.class.getClassLoader().getResourceAsStream(resource)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }
}
