package dk.amu.catalogue.ingest.document;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class FkbDocumentParserFixtureTests {

    private final FkbDocumentParser parser = new FkbDocumentParser();

    @ParameterizedTest
    @EnumSource(Fixtures.class)
    void shouldParseEveryRowOfTheFixtureInDocumentOrder(Fixtures fixture) {
        FkbDocument document = parser.parse(fixture.bytes(), fixture.fileName());

        assertThat(ExpectedRow.of(document.links()))
                .containsExactlyElementsOf(ExpectedRow.of(fixture.expectedLinks()));
    }

    @Test
    void shouldParseEveryRowOfTheVidenOgForretningsserviceFixture() {
        FkbDocument document = parser.parse(Fixtures.VIDEN_OG_FORRETNINGSSERVICE.bytes(), "viden.txt");

        assertThat(document.links()).hasSize(94);
        assertThat(ExpectedRow.of(document.links())).contains(new ExpectedRow("47299",
                "Skriftlig kommunikation - sprog og sprogbrug", "AD", new BigDecimal("2.0"),
                LocalDate.of(2024, 12, 19), LocalDate.of(2025, 6, 30)));
    }

    @Test
    void shouldParseEveryRowOfTheOffentligForvaltningFixture() {
        FkbDocument document = parser.parse(Fixtures.OFFENTLIG_FORVALTNING.bytes(), "offentlig.txt");

        assertThat(document.links()).hasSize(113);
        assertThat(ExpectedRow.of(document.links())).last().isEqualTo(new ExpectedRow("49998",
                "EUD-Oplæringsvejledning for den daglige oplærer", "AF", new BigDecimal("1.0"),
                LocalDate.of(2022, 8, 17), null));
    }

    @Test
    void shouldJoinATitleWrappedOverSeveralLines() {
        FkbDocument document = parser.parse(Fixtures.OFFENTLIG_FORVALTNING.bytes(), "offentlig.txt");

        assertThat(document.links()).filteredOn(link -> link.getCourseNumber().equals("49995"))
                .singleElement()
                .satisfies(link -> assertThat(link.getTitle())
                        .isEqualTo("EUD-Oplæringsvejledning for den uddannelsesansvarl"));
    }

    @ParameterizedTest
    @EnumSource(Fixtures.class)
    void shouldReadTheCompetenceTitlesInDocumentOrder(Fixtures fixture) {
        FkbDocument document = parser.parse(fixture.bytes(), fixture.fileName());

        assertThat(document.competences()).containsExactlyElementsOf(fixture.competences());
    }

    @Test
    void shouldReadTheFkbTitleWhereTheDocumentStatesIt() {
        FkbDocument document = parser.parse(Fixtures.VIDEN_OG_FORRETNINGSSERVICE.bytes(), "viden.txt");

        assertThat(document.title()).isEqualTo("Viden- og forretningsservice");
    }

    @Test
    void shouldLeaveTheTitleEmptyWhereTheDocumentDoesNotStateIt() {
        FkbDocument document = parser.parse(Fixtures.OFFENTLIG_FORVALTNING.bytes(), "offentlig.txt");

        assertThat(document.title()).isNull();
    }

    @ParameterizedTest
    @EnumSource(Fixtures.class)
    void shouldParseTheFixtureRenderedAsAMultiPagePdfToTheSameRows(Fixtures fixture) {
        byte[] pdf = FixturePdf.render(fixture.text().lines().toList());

        FkbDocument document = parser.parse(pdf, fixture.name() + ".pdf");

        assertThat(ExpectedRow.of(document.links()))
                .containsExactlyElementsOf(ExpectedRow.of(fixture.expectedLinks()));
        assertThat(document.competences()).containsExactlyElementsOf(fixture.competences());
    }

    @Test
    void shouldRenderTheFixturePdfOverSeveralPages() throws Exception {
        byte[] pdf = FixturePdf.render(Fixtures.VIDEN_OG_FORRETNINGSSERVICE.text().lines().toList());

        try (PDDocument document = Loader.loadPDF(pdf)) {
            assertThat(document.getNumberOfPages()).isGreaterThan(5);
        }
    }

    @Test
    void shouldGiveEveryDurationExactlyOneDecimal() {
        List<BigDecimal> durations = parser.parse(Fixtures.OFFENTLIG_FORVALTNING.bytes(), "offentlig.txt")
                .links().stream().map(link -> link.getDurationDays()).toList();

        assertThat(durations).allSatisfy(duration -> assertThat(duration.scale()).isEqualTo(1));
    }

    @Test
    void shouldKeepNumbersDotsAndTwoLetterWordsThatArePartOfATitle() {
        String row = "47299 Skriftlig kommunikation - sprog og sprogbrug AD 2,0 19-12-2024 til 30-06-2025";
        String text = Fixtures.VIDEN_OG_FORRETNINGSSERVICE.text()
                .replace(row, "47299 Excel 2.0 og IT 1.2.3 AD 2 for AD-medarbejdere AD 2,0 19-12-2024 til 30-06-2025");

        FkbDocument document = parser.parse(text.getBytes(StandardCharsets.UTF_8), "viden.txt");

        assertThat(document.links()).filteredOn(link -> link.getCourseNumber().equals("47299"))
                .singleElement()
                .satisfies(link -> assertThat(link.getTitle())
                        .isEqualTo("Excel 2.0 og IT 1.2.3 AD 2 for AD-medarbejdere"));
    }

    @Test
    void shouldGiveEveryCallerTheSameResultWhenOneParserIsSharedBetweenThreads() throws Exception {
        byte[] pdf = FixturePdf.render(Fixtures.OFFENTLIG_FORVALTNING.text().lines().toList());
        List<ExpectedRow> expected = ExpectedRow.of(Fixtures.OFFENTLIG_FORVALTNING.expectedLinks());
        ExecutorService threads = Executors.newFixedThreadPool(8);
        try {
            List<Future<FkbDocument>> results = IntStream.range(0, 32)
                    .mapToObj(i -> threads.submit(() -> i % 2 == 0
                            ? parser.parse(pdf, "offentlig.pdf")
                            : parser.parse(Fixtures.OFFENTLIG_FORVALTNING.bytes(), "offentlig.txt")))
                    .toList();
            for (Future<FkbDocument> result : results) {
                assertThat(ExpectedRow.of(result.get().links())).containsExactlyElementsOf(expected);
            }
        } finally {
            threads.shutdownNow();
        }
    }
}
