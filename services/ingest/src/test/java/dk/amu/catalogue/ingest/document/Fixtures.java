package dk.amu.catalogue.ingest.document;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

import dk.amu.catalogue.ingest.support.ExpectedFixture;
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

    /** The document as an office suite publishes it, the table as a real table; only some fixtures have one. */
    byte[] tablePdf() {
        return pdf("table");
    }

    /** {@code <fixture>.<variant>.pdf} from the test resources, e.g. a variant made by LibreOffice. */
    byte[] pdf(String variant) {
        return resource("/fkb/" + name + "." + variant + ".pdf");
    }

    List<String> competences() {
        return ExpectedFixture.competences(name);
    }

    List<CourseLink> expectedLinks() {
        return ExpectedFixture.links(name);
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
