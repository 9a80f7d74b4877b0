package dk.amu.catalogue.runningingest;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;

/** The sample FKB documents ingest ships, and revisions of them made by editing their table rows. */
public final class SampleDocuments {

    private SampleDocuments() {
    }

    public static String viden() {
        return text("samples/viden-og-forretningsservice.txt");
    }

    public static String offentlig() {
        return text("samples/offentlig-forvaltning.txt");
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
        try (var in = SampleDocuments.class.getClassLoader().getResourceAsStream(resource)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }
}
