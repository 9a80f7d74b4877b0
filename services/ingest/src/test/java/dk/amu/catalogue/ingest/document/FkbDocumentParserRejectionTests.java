package dk.amu.catalogue.ingest.document;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.nio.charset.StandardCharsets;
import java.util.List;

import org.junit.jupiter.api.Test;

/** Table rows that must make the whole document fail, with a message that points at the row. */
class FkbDocumentParserRejectionTests {

    private static final String ROW_47299 =
            "47299 Skriftlig kommunikation - sprog og sprogbrug AD 2,0 19-12-2024 til 30-06-2025";

    private final FkbDocumentParser parser = new FkbDocumentParser();
    private final String fixture = Fixtures.VIDEN_OG_FORRETNINGSSERVICE.text();
    private final int line47299 = lineOf(fixture, ROW_47299);

    @Test
    void shouldRejectAnImpossibleDate() {
        DocumentRejectedException rejection = rejectRow47299(
                "47299 Skriftlig kommunikation - sprog og sprogbrug AD 2,0 19-12-2024 til 31-02-2025");

        assertThat(rejection).hasMessage("line " + line47299 + ": impossible date 31-02-2025 for course 47299");
        assertThat(rejection.lineNumber()).hasValue(line47299);
        assertThat(rejection.reason()).isEqualTo("impossible date 31-02-2025 for course 47299");
    }

    @Test
    void shouldRejectAnImpossibleStartDate() {
        assertThat(rejectRow47299("47299 Skriftlig kommunikation AD 2,0 30-13-2024 og fremefter"))
                .hasMessage("line " + line47299 + ": impossible date 30-13-2024 for course 47299");
    }

    @Test
    void shouldRejectADateNotWrittenTheDanishWay() {
        assertThat(rejectRow47299("47299 Skriftlig kommunikation AD 2,0 2024-12-19 og fremefter"))
                .hasMessageContaining("line " + line47299)
                .hasMessageContaining("date '2024-12-19' for course 47299 is not written DD-MM-YYYY");
    }

    @Test
    void shouldRejectAnEndDateBeforeTheStartDate() {
        assertThat(rejectRow47299("47299 Skriftlig kommunikation AD 2,0 19-12-2024 til 18-12-2024"))
                .hasMessage("line " + line47299
                        + ": end date 18-12-2024 is before start date 19-12-2024 for course 47299");
    }

    @Test
    void shouldRejectAnUnknownPeriodPhrase() {
        assertThat(rejectRow47299("47299 Skriftlig kommunikation AD 2,0 19-12-2024 indtil videre"))
                .hasMessageStartingWith("line " + line47299
                        + ": unknown period phrase '19-12-2024 indtil videre' for course 47299")
                .hasMessageContaining("'DD-MM-YYYY og fremefter' or 'DD-MM-YYYY til DD-MM-YYYY'");
    }

    @Test
    void shouldRejectAPeriodPhraseBeforeTheStartDate() {
        assertThat(rejectRow47299("47299 Skriftlig kommunikation AD 2,0 fra 19-12-2024"))
                .hasMessageStartingWith("line " + line47299
                        + ": unknown period phrase 'fra 19-12-2024' for course 47299");
    }

    @Test
    void shouldRejectAnEndDateThatIsNotADate() {
        assertThat(rejectRow47299("47299 Skriftlig kommunikation AD 2,0 19-12-2024 til sommer"))
                .hasMessageStartingWith("line " + line47299
                        + ": unknown period phrase '19-12-2024 til sommer' for course 47299");
    }

    @Test
    void shouldRejectACourseNumberOfFourDigits() {
        assertThat(rejectRow47299("4729 Skriftlig kommunikation AD 2,0 19-12-2024 og fremefter"))
                .hasMessage("line " + line47299 + ": course number '4729' is not five digits");
    }

    @Test
    void shouldRejectACourseNumberOfSixDigits() {
        assertThat(rejectRow47299("472990 Skriftlig kommunikation AD 2,0 19-12-2024 og fremefter"))
                .hasMessage("line " + line47299 + ": course number '472990' is not five digits");
    }

    @Test
    void shouldRejectAnUnreadableEuuCode() {
        assertThat(rejectRow47299("47299 Skriftlig kommunikation A 2,0 19-12-2024 og fremefter"))
                .hasMessageStartingWith("line " + line47299 + ": cannot read the EUU code 'A' for course 47299");
    }

    @Test
    void shouldRejectAnUnreadableDuration() {
        assertThat(rejectRow47299("47299 Skriftlig kommunikation AD 2,x 19-12-2024 og fremefter"))
                .hasMessageStartingWith("line " + line47299 + ": cannot read the duration '2,x' for course 47299");
    }

    @Test
    void shouldRejectADurationWithMoreThanOneDecimal() {
        assertThat(rejectRow47299("47299 Skriftlig kommunikation AD 2,25 19-12-2024 og fremefter"))
                .hasMessage("line " + line47299 + ": duration 2,25 days for course 47299 has more than one decimal");
    }

    @Test
    void shouldRejectAZeroDuration() {
        assertThat(rejectRow47299("47299 Skriftlig kommunikation AD 0,0 19-12-2024 og fremefter"))
                .hasMessageContaining("line " + line47299)
                .hasMessageContaining("course 47299 is not a positive number of days");
    }

    @Test
    void shouldRejectARowWithoutEuuAndDuration() {
        assertThat(rejectRow47299("47299 Skriftlig kommunikation - sprog og sprogbrug 19-12-2024 og fremefter"))
                .hasMessageStartingWith("line " + line47299 + ": cannot read EUU code and duration for course 47299");
    }

    @Test
    void shouldRejectARowWithoutTitle() {
        assertThat(rejectRow47299("47299 AD 2,0 19-12-2024 til 30-06-2025"))
                .hasMessage("line " + line47299 + ": course 47299 has no title");
    }

    @Test
    void shouldRejectARowThatNeverReachesItsPeriod() {
        assertThat(rejectRow47299("47299 Skriftlig kommunikation - sprog og sprogbrug AD 2,0"))
                .hasMessage("line " + line47299
                        + ": row for course 47299 ends without EUU code, duration and linking period");
    }

    @Test
    void shouldRejectALastRowThatNeverReachesItsPeriod() {
        String text = fixture.stripTrailing() + "\n99999 Ny titel uden periode\n";

        assertThat(reject(text))
                .hasMessage("line " + (lineCount(fixture.stripTrailing()) + 1)
                        + ": row for course 99999 ends without EUU code, duration and linking period");
    }

    @Test
    void shouldRejectTextInTheTableThatIsNotARow() {
        assertThat(rejectRow47299("Bemærk: listen opdateres løbende"))
                .hasMessage("line " + line47299 + ": expected a table row starting with a five-digit course number,"
                        + " found 'Bemærk: listen opdateres løbende'");
    }

    @Test
    void shouldRejectTheSameCourseTwiceWithDifferentData() {
        String text = fixture.stripTrailing()
                + "\n47299 Skriftlig kommunikation - sprog og sprogbrug AD 2,0 19-12-2024 og fremefter\n";

        assertThat(reject(text)).hasMessage("line " + (lineCount(fixture.stripTrailing()) + 1)
                + ": course 47299 appears twice with different period (first at line " + line47299 + ")");
    }

    @Test
    void shouldKeepOneRowWhenACourseIsRepeatedWithIdenticalData() {
        String text = fixture.stripTrailing() + "\n" + ROW_47299 + "\n";

        List<String> numbers = parser.parse(text.getBytes(StandardCharsets.UTF_8), "viden.txt").links().stream()
                .map(link -> link.getCourseNumber()).filter("47299"::equals).toList();

        assertThat(numbers).hasSize(1);
    }

    private DocumentRejectedException rejectRow47299(String replacement) {
        assertThat(fixture).contains(ROW_47299);
        return reject(fixture.replace(ROW_47299, replacement));
    }

    private DocumentRejectedException reject(String text) {
        return catchThrowableOfType(DocumentRejectedException.class,
                () -> parser.parse(text.getBytes(StandardCharsets.UTF_8), "viden.txt"));
    }

    static int lineOf(String text, String content) {
        List<String> lines = text.lines().toList();
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).contains(content)) {
                return i + 1;
            }
        }
        throw new IllegalArgumentException("no line contains " + content);
    }

    private static int lineCount(String text) {
        return (int) text.lines().count();
    }
}
