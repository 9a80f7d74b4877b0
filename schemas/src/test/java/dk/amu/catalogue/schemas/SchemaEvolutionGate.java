package dk.amu.catalogue.schemas;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

import org.apache.avro.Schema;
import org.apache.avro.SchemaCompatibility;
import org.apache.avro.SchemaCompatibility.SchemaCompatibilityType;

/**
 * The build's schema-evolution gate: a schema may change only so that it still reads every
 * version ever published (BACKWARD_TRANSITIVE, the level the registry enforces), checked with
 * Avro's own compatibility checker. Published versions live in {@code schemas/published/<Record>/<n>.avsc}.
 */
final class SchemaEvolutionGate {

    static final Path PUBLISHED = Path.of("published");

    private SchemaEvolutionGate() {
    }

    record PublishedVersion(int version, Path file, Schema schema) {
    }

    /** Every published version of a record, oldest first. */
    static List<PublishedVersion> publishedVersions(String recordName) {
        var dir = PUBLISHED.resolve(recordName);
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(file -> file.getFileName().toString().matches("\\d+\\.avsc"))
                    .map(SchemaEvolutionGate::read)
                    .sorted(Comparator.comparingInt(PublishedVersion::version))
                    .toList();
        }
        catch (IOException ex) {
            throw new UncheckedIOException("cannot list published versions in " + dir, ex);
        }
    }

    /** What stops {@code candidate} from reading data written with each published version; empty when none. */
    static List<String> incompatibilities(Schema candidate, List<PublishedVersion> published) {
        return published.stream()
                .flatMap(version -> problems(candidate, version))
                .toList();
    }

    private static Stream<String> problems(Schema candidate, PublishedVersion version) {
        var result = SchemaCompatibility.checkReaderWriterCompatibility(candidate, version.schema()).getResult();
        if (result.getCompatibility() == SchemaCompatibilityType.COMPATIBLE) {
            return Stream.empty();
        }
        return result.getIncompatibilities().stream()
                .map(problem -> "cannot read version " + version.version() + " (" + version.file() + "): "
                        + problem.getType() + " at " + problem.getLocation() + ": " + problem.getMessage());
    }

    private static PublishedVersion read(Path file) {
        var name = file.getFileName().toString();
        int version = Integer.parseInt(name.substring(0, name.indexOf('.')));
        try {
            return new PublishedVersion(version, file, new Schema.Parser().parse(Files.readString(file)));
        }
        catch (IOException ex) {
            throw new UncheckedIOException("cannot read published schema " + file, ex);
        }
    }
}
