package dk.amu.catalogue.ingest.document;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The same documents as saved by other tools: other encodings, line endings and white space. */
class FkbDocumentParserLayoutTests {

    private static final Charset WINDOWS_1252 = Charset.forName("windows-1252");

    private final FkbDocumentParser parser = new FkbDocumentParser();

    @ParameterizedTest
    @EnumSource(Fixtures.class)
    void shouldParseWindowsLineEndingsToTheSameRows(Fixtures fixture) {
        String crlf = fixture.text().lines().collect(Collectors.joining("\r\n", "", "\r\n"));

        assertSameAsFixture(fixture, crlf.getBytes(StandardCharsets.UTF_8));
    }

    @ParameterizedTest
    @EnumSource(Fixtures.class)
    void shouldParseAUtf8ByteOrderMarkToTheSameRows(Fixtures fixture) {
        assertSameAsFixture(fixture, ("\uFEFF" + fixture.text()).getBytes(StandardCharsets.UTF_8));
    }

    @ParameterizedTest
    @EnumSource(Fixtures.class)
    void shouldReadNonBreakingSpacesAsSpaces(Fixtures fixture) {
        assertSameAsFixture(fixture, fixture.text().replace(' ', '\u00A0').getBytes(StandardCharsets.UTF_8));
    }

    @ParameterizedTest
    @EnumSource(Fixtures.class)
    void shouldIgnoreExtraBlankLinesAndSpacesAndTabs(Fixtures fixture) {
        String loose = eachLine(fixture.text(), line -> "  \t" + line.replace(" ", "   ") + " \t \n\n   ");

        assertSameAsFixture(fixture, loose.getBytes(StandardCharsets.UTF_8));
    }

    @ParameterizedTest
    @EnumSource(Fixtures.class)
    void shouldIgnoreCompactLayoutWithoutBlankLines(Fixtures fixture) {
        String compact = fixture.text().lines().filter(line -> !line.isBlank())
                .collect(Collectors.joining("\n"));

        assertSameAsFixture(fixture, compact.getBytes(StandardCharsets.UTF_8));
    }

    @ParameterizedTest
    @EnumSource(Fixtures.class)
    void shouldDecodeWindows1252TextAsDanish(Fixtures fixture) {
        assertSameAsFixture(fixture, fixture.text().getBytes(WINDOWS_1252));
    }

    @ParameterizedTest
    @EnumSource(Fixtures.class)
    void shouldDecodeWindows1252TextWithWindowsLineEndings(Fixtures fixture) {
        String crlf = fixture.text().lines().collect(Collectors.joining("\r\n"));

        assertSameAsFixture(fixture, crlf.getBytes(WINDOWS_1252));
    }

    @ParameterizedTest
    @EnumSource(Fixtures.class)
    void shouldDecodeUtf16WithAByteOrderMark(Fixtures fixture) {
        assertSameAsFixture(fixture, fixture.text().getBytes(StandardCharsets.UTF_16));
    }

    @ParameterizedTest
    @EnumSource(Fixtures.class)
    void shouldSkipTheTableHeaderAndPageNumbersRepeatedOnEveryPage(Fixtures fixture) {
        String header = "Side 7 af 9\n\nAktuelt tilkoblede mål\nNiveau kan angives ved enkeltfag.\n"
                + "Nummer, niveau og titel EUU Varighed\ni dage\nTilknyttet i perioden\n";
        String paged = eachLine(fixture.text(), line -> line.matches("\\s*4\\d{4} .*") ? header + line + "\n12\n"
                : line + "\n");

        assertSameAsFixture(fixture, paged.getBytes(StandardCharsets.UTF_8));
    }

    @ParameterizedTest
    @EnumSource(Fixtures.class)
    void shouldCollapseAPageThatIsPrintedTwice(Fixtures fixture) {
        String text = fixture.text();
        String rows = text.substring(text.indexOf("\n", text.indexOf("Tilknyttet i perioden")));

        assertSameAsFixture(fixture, (text + rows).getBytes(StandardCharsets.UTF_8));
    }

    private void assertSameAsFixture(Fixtures fixture, byte[] content) {
        FkbDocument document = parser.parse(content, fixture.fileName());

        assertThat(ExpectedRow.of(document.links()))
                .containsExactlyElementsOf(ExpectedRow.of(fixture.expectedLinks()));
        assertThat(document.competences()).containsExactlyElementsOf(fixture.competences());
    }

    private static String eachLine(String text, UnaryOperator<String> change) {
        return text.lines().map(change).collect(Collectors.joining());
    }
}
