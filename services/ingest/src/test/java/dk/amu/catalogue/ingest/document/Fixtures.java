package dk.amu.catalogue.ingest.document;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import dk.amu.catalogue.snapshots.v1.CourseLink;

/** The two published FKB documents and what a parser must get out of them. */
enum Fixtures {

    OFFENTLIG_FORVALTNING("offentlig-forvaltning"),
    VIDEN_OG_FORRETNINGSSERVICE("viden-og-forretningsservice");

    private final String name;

    Fixtures(String name) {
        this.name = name;
    }

    String fileName() {
        return name + ".txt";
    }

    String text() {
        return new String(bytes(), StandardCharsets.UTF_8);
    }

    byte[] bytes() {
        return resource("/samples/" + name + ".txt");
    }

    List<String> competences() {
        return lines("/fkb/" + name + ".competences.txt").stream().filter(line -> !line.isBlank()).toList();
    }

    List<CourseLink> expectedLinks() {
        List<String> lines = lines("/fkb/" + name + ".expected.csv");
        return lines.subList(1, lines.size()).stream()
                .filter(line -> !line.isBlank())
                .map(Fixtures::link)
                .toList();
    }

    private static CourseLink link(String csvLine) {
        List<String> fields = csvFields(csvLine);
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
            } else if (c == '"') {
                quoted = !quoted;
            } else if (c == ',' && !quoted) {
                fields.add(field.toString());
                field.setLength(0);
            } else {
                field.append(c);
            }
        }
        fields.add(field.toString());
        return fields;
    }

    private static List<String> lines(String path) {
        return new String(resource(path), StandardCharsets.UTF_8).lines().toList();
    }

    private static byte[] resource(String path) {
        try (InputStream in = Fixtures.class.getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalStateException("missing test resource " + path);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
