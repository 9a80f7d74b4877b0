package dk.amu.catalogue.ingest.cli;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Random;
import java.util.stream.Stream;

import dk.amu.catalogue.ingest.support.DocumentVariants;
import dk.amu.catalogue.ingest.support.IndependentEventReader.Event;
import dk.amu.catalogue.ingest.support.SettledLog;
import dk.amu.catalogue.testkit.CatalogueInfrastructure;
import dk.amu.catalogue.testkit.FixtureDocuments;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import static dk.amu.catalogue.ingest.support.DocumentVariants.lineOf;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The command line as an operator runs it: a good document is ingested and its report printed; a
 * bad one, or a bad command, ends with one line on stderr and a non-zero exit, and nothing written.
 */
@ExtendWith(CatalogueInfrastructure.class)
class IngestCommandTests {

    @TempDir
    Path folder;

    SettledLog log;

    String fkb = DocumentVariants.uniqueFkb("cli");

    String document = DocumentVariants.videnOpenEnded();

    /** The topics exist once the command has run; the offsets below need them. */
    @BeforeAll
    static void ingestOnceSoTheTopicsExist(@TempDir Path folder) throws IOException {
        var file = Files.writeString(folder.resolve("warm-up.txt"), DocumentVariants.videnOpenEnded());
        assertThat(new Run(new String[] { "--fkb", DocumentVariants.uniqueFkb("cli-warm-up"), file.toString() }).exitCode)
                .isZero();
    }

    @BeforeEach
    void setUp() {
        log = new SettledLog(CatalogueInfrastructure.running());
    }

    @Test
    void shouldIngestADocumentAndPrintTheReport() throws IOException {
        var file = write("viden.txt", document);
        int links = DocumentVariants.courseNumbers(document).size();

        var run = new Run(new String[] { "--fkb", fkb, "--title", "Viden- og forretningsservice", file.toString() });

        assertThat(run.exitCode).as(run.err).isZero();
        assertThat(run.err).isEmpty();
        assertThat(run.out).startsWith("FKB " + fkb + ": PUBLISHED, " + links + " links, " + (links + 1) + " events")
                .contains("document viden.txt sha256 ")
                .contains("read as text: " + links + " rows")
                .contains("  CourseLinked: " + links)
                .contains("  FkbRevised: 1");
        var events = log.events(fkb);
        assertThat(events).hasSize(links + 1);
        assertThat(events).extracting(Event::sequence).containsExactlyElementsOf(sequences(links + 1));
    }

    @Test
    void shouldReportAMissingFile() {
        var missing = folder.resolve("missing.txt");

        assertFailsWithOneLine(new String[] { "--fkb", fkb, missing.toString() }, missing + ": no such file");
    }

    @Test
    void shouldRejectAnEmptyFile() throws IOException {
        var file = Files.write(folder.resolve("empty.txt"), new byte[0]);

        assertFailsWithOneLine(new String[] { "--fkb", fkb, file.toString() }, file + ": the file is empty");
    }

    @Test
    void shouldRejectBinaryGarbage() throws IOException {
        var garbage = new byte[4096];
        new Random(7).nextBytes(garbage);
        var file = Files.write(folder.resolve("upload.bin"), garbage);

        assertFailsWithOneLine(new String[] { "--fkb", fkb, file.toString() },
                file + ": the file is neither a PDF nor readable text");
    }

    @Test
    void shouldRejectAnImpossibleDateNamingFileAndLine() throws IOException {
        var edited = FixtureDocuments.withRow(document, "20925",
                "20925 Kommunikation i en bæredygtig virksomhed AD 2,0 31-02-2025 og fremefter");
        var file = write("viden.txt", edited);

        assertFailsWithOneLine(new String[] { "--fkb", fkb, file.toString() },
                file + ": line " + lineOf(edited, "20925") + ": impossible date 31-02-2025 for course 20925");
    }

    @Test
    void shouldRejectAnUnknownPeriodPhrase() throws IOException {
        var edited = FixtureDocuments.withRow(document, "20925",
                "20925 Kommunikation i en bæredygtig virksomhed AD 2,0 19-12-2024 indtil videre");
        var file = write("viden.txt", edited);

        assertFailsWithOneLine(new String[] { "--fkb", fkb, file.toString() },
                file + ": line " + lineOf(edited, "20925") + ": unknown period phrase '19-12-2024 indtil videre'");
    }

    @Test
    void shouldRequireTheFkbCode() throws IOException {
        var file = write("viden.txt", document);

        assertFailsWithOneLine(new String[] { file.toString() }, "--fkb CODE is required; " + IngestCommand.USAGE);
    }

    @Test
    void shouldRefuseAnUnknownOption() throws IOException {
        var file = write("viden.txt", document);

        assertFailsWithOneLine(new String[] { "--fkb", fkb, "--dry-run", file.toString() },
                "unknown option --dry-run; " + IngestCommand.USAGE);
    }

    @Test
    void shouldSayWhenNoFileIsGiven() {
        assertFailsWithOneLine(new String[] { "--fkb", fkb }, "no FILE given; " + IngestCommand.USAGE);
    }

    @Test
    void shouldSayWhenAnOptionHasNoValue() throws IOException {
        var file = write("viden.txt", document);

        assertFailsWithOneLine(new String[] { file.toString(), "--fkb" }, "--fkb needs a value; " + IngestCommand.USAGE);
    }

    @Test
    void shouldExitWithOneWhenTheIngestionItselfFails() throws IOException {
        var file = write("viden.txt", document);
        var stderr = new ByteArrayOutputStream();

        int exitCode = IngestCommand.run(new String[] { "--fkb", fkb, file.toString() }, Map.of(
                "spring.kafka.bootstrap-servers", CatalogueInfrastructure.running().bootstrapServers(),
                "catalogue.registry-url", "http://127.0.0.1:1",
                "catalogue.ingest.auto-register-schemas", true),
                new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8),
                new PrintStream(stderr, true, StandardCharsets.UTF_8));

        assertThat(exitCode).isEqualTo(1);
        assertThat(stderr.toString(StandardCharsets.UTF_8).lines().toList()).singleElement().asString()
                .startsWith("ingest: ");
        assertThat(log.events(fkb)).isEmpty();
    }

    @Test
    void shouldExitWithTwoOnABadCommand() throws IOException {
        var file = write("viden.txt", document);

        assertThat(new Run(new String[] { "--fkb", fkb, "--dry-run", file.toString() }).exitCode).isEqualTo(2);
        assertThat(new Run(new String[] { "--fkb", fkb, folder.resolve("missing.txt").toString() }).exitCode).isEqualTo(2);
    }

    @Test
    void shouldPrintTheOptionsAndExitCodesOnHelp() {
        var run = new Run(new String[] { "--help" });

        assertThat(run.exitCode).isZero();
        assertThat(run.err).isEmpty();
        assertThat(run.out).contains("Usage: ingest", "--fkb=CODE", "--title=TITLE", "--force", "FILE...", "Exit codes:");
    }

    @Test
    void shouldCheckEveryFileBeforeIngestingAny() throws IOException {
        var good = write("viden.txt", document);
        var later = write("viden-later.txt", FixtureDocuments.withoutCourses(document, "20925"));
        var bad = write("viden-broken.txt", FixtureDocuments.withRow(document, "20974",
                "20974 Økonomisk styring af lageret AD 2,0 19-12-2024 til 18-12-2024"));

        assertFailsWithOneLine(new String[] { "--fkb", fkb, good.toString(), later.toString(), bad.toString() },
                bad + ": line ");
        assertThat(log.events(fkb)).isEmpty();
    }

    /** Runs the command expecting failure: non-zero exit, exactly one stderr line starting so, nothing written. */
    private void assertFailsWithOneLine(String[] args, String expectedStart) {
        var before = log.endOffsets();

        var run = new Run(args);

        assertThat(run.exitCode).isNotZero();
        assertThat(run.err.lines().toList()).as(run.err).singleElement().asString().startsWith("ingest: " + expectedStart);
        assertThat(run.out).isEmpty();
        assertThat(log.endOffsets()).as("log-end offsets of %s", SettledLog.CATALOGUE_TOPICS).isEqualTo(before);
    }

    private Path write(String name, String text) throws IOException {
        return Files.writeString(folder.resolve(name), text);
    }

    private static Iterable<Long> sequences(int count) {
        return Stream.iterate(1L, n -> n + 1).limit(count).toList();
    }

    /** One run of the command against the test's broker and registry, with its exit code and output. */
    static final class Run {

        final int exitCode;

        final String out;

        final String err;

        Run(String[] args) {
            var stdout = new ByteArrayOutputStream();
            var stderr = new ByteArrayOutputStream();
            var infrastructure = CatalogueInfrastructure.running();
            this.exitCode = IngestCommand.run(args, Map.of(
                    "spring.kafka.bootstrap-servers", infrastructure.bootstrapServers(),
                    "catalogue.registry-url", infrastructure.registryUrl(),
                    "catalogue.ingest.auto-register-schemas", true),
                    new PrintStream(stdout, true, StandardCharsets.UTF_8), new PrintStream(stderr, true, StandardCharsets.UTF_8));
            this.out = stdout.toString(StandardCharsets.UTF_8);
            this.err = stderr.toString(StandardCharsets.UTF_8);
        }
    }
}
