package dk.amu.catalogue.eventlog;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TitleSimilarityTests {

    @Test
    void shouldScoreTheSameTitleAsOneDespiteCasePunctuationAndSpacing() {
        assertThat(TitleSimilarity.of("Skriftlig kommunikation - sprog og sprogbrug",
                "skriftlig  KOMMUNIKATION – sprog og sprogbrug.")).isEqualTo(1.0);
    }

    @Test
    void shouldScoreTheSameWordsInAnotherOrderAsOne() {
        assertThat(TitleSimilarity.of("Tekster til nettet - formulering og opbygning",
                "Formulering og opbygning - tekster til nettet")).isEqualTo(1.0);
    }

    @Test
    void shouldScoreAnAbbreviatedTitleHighButBelowOne() {
        double similarity = TitleSimilarity.of("Fagunderstøt. dansk som andetsprog F/I, integreret",
                "Fagunderstøttende dansk som andetsprog F/I, integreret");

        assertThat(similarity).isLessThan(1.0).isGreaterThanOrEqualTo(LikelySuccessors.THRESHOLD);
    }

    @Test
    void shouldScoreAHeavilyAbbreviatedTitleBelowTheThreshold() {
        assertThat(TitleSimilarity.of("Anv. af regn.", "Anvendelse af regneark"))
                .isGreaterThan(0.0).isLessThan(LikelySuccessors.THRESHOLD);
    }

    @Test
    void shouldScoreTitlesThatDifferInOneWordAsUnalike() {
        assertThat(TitleSimilarity.of("Arbejdsmiljø 1 i faglærte og ufaglærte job",
                "Arbejdsmiljø 2 i faglærte og ufaglærte job")).isZero();
        assertThat(TitleSimilarity.of("Jobrelateret fremmedsprog med nuanceret ordforråd",
                "Jobrelateret fremmedsprog med basalt ordforråd")).isZero();
    }

    @Test
    void shouldScoreATitleWithExtraWordsAsUnalike() {
        assertThat(TitleSimilarity.of("Ergonomi inden for faglærte og ufaglærte job",
                "Ergonomi inden for ufaglærte og faglærte job (F/I)")).isZero();
    }

    @Test
    void shouldScoreMerelyRelatedTitlesAsUnalike() {
        assertThat(TitleSimilarity.of("Tekster på papir - formulering og opbygning",
                "Formulering og opbygning af tekster")).isZero();
        assertThat(TitleSimilarity.of("Tekster på papir - formulering og opbygning",
                "Tekster til nettet - formulering og opbygning")).isZero();
    }

    @Test
    void shouldScoreTitlesWithoutWordsAsUnalike() {
        assertThat(TitleSimilarity.of(" - ", "")).isZero();
    }
}
