package dk.amu.catalogue.eventlog;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;

class LikelySuccessorsTests {

    private static final String TITLE = "Skriftlig kommunikation - sprog og sprogbrug";

    private static final LocalDate END = LocalDate.of(2025, 6, 30);

    @Test
    void shouldFillInTheLikelySuccessorOfAnEndingLinkWithoutOne() {
        var ending = link("47299", TITLE, END, null, null);
        var successor = link("22487", TITLE, null, null, null);
        var other = link("47300", "Tekster på papir - formulering og opbygning", END, null, null);
        var fkb = List.of(successor, ending, other);

        var filled = LikelySuccessors.fillIn(List.of(ending, other), code -> fkb);

        assertThat(filled.get(0).successor()).isEqualTo(new LinkState.Successor("22487", TITLE));
        assertThat(filled.get(0)).usingRecursiveComparison().ignoringFields("successor").isEqualTo(ending);
        assertThat(filled.get(1)).as("no similar title").isSameAs(other);
    }

    @Test
    void shouldKeepTheSuccessorItsEventsNamedAndPassOverRemovedCandidates() {
        var named = new LinkState.Successor("12345", "Et andet kursus");
        var ending = link("47299", TITLE, END, null, named);
        assertThat(LikelySuccessors.fillIn(List.of(ending), code -> List.of(link("22487", TITLE, null, null, null))))
                .containsExactly(ending);

        var withoutOne = link("47299", TITLE, END, null, null);
        var removed = link("22487", TITLE, null, LocalDate.of(2025, 2, 1), null);
        assertThat(LikelySuccessors.fillIn(List.of(withoutOne), code -> List.of(removed)).get(0).successor()).isNull();
    }

    private static LinkState link(String course, String title, LocalDate linkedTo, LocalDate unlinkedOn,
            LinkState.Successor successor) {
        return new LinkState("viden-og-forretningsservice", course, title, "AD", new BigDecimal("2.0"),
                LocalDate.of(2024, 12, 19), linkedTo, unlinkedOn, successor, 7, Instant.parse("2025-03-01T10:00:00Z"));
    }
}
