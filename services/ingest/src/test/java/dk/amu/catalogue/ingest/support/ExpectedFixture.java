package dk.amu.catalogue.ingest.support;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import dk.amu.catalogue.snapshots.v1.CourseLink;

/** What a parser must get out of a fixture document: its {@code *.expected.csv} rows and {@code *.competences.txt}. */
public final class ExpectedFixture {

    private ExpectedFixture() {
    }

    /** Every row of the fixture's table, in document order. */
    public static List<CourseLink> links(String fixture) {
        List<String> lines = lines("/fkb/" + fixture + ".expected.csv");
        return lines.subList(1, lines.size()).stream()
                .filter(line -> !line.isBlank())
                .map(line -> link(csvFields(line)))
                .toList();
    }

    public static List<String> competences(String fixture) {
        return lines("/fkb/" + fixture + ".competences.txt").stream().filter(line -> !line.isBlank()).toList();
    }

    private static CourseLink link(List<String> fields) {
        return CourseLink.newBuilder()
                .setCourseNumber(fields.get(0))
                .setTitle(fields.get(1))
                .setEuu(fields.get(2))
                .setDurationDays(new BigDecimal(fields.get(3)))
                .setLinkedFrom(LocalDate.parse(fields.get(4)))
                .setLinkedTo(fields.get(5).isEmpty() ? null : LocalDate.parse(fields.get(5)))
                .build();
    }

    // RFC 4180 as far as the expectation files use it: quoted fields may hold commas and "" quotes
    private static List<String> csvFields(String line) {
        List<String> fields = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (quoted && c == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') {
                field.append('"');
                i++;
            }
            else if (c == '"') {
                quoted = !quoted;
            }
            else if (c == ',' && !quoted) {
                fields.add(field.toString());
                field.setLength(0);
            }
            else {
                field.append(c);
            }
        }
        fields.add(field.toString());
        return fields;
    }

    private static List<String> lines(String resource) {
        try (InputStream in = ExpectedFixture.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("missing test resource " + resource);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().toList();
        }
        catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }
}
