package dk.amu.catalogue.audit.fold;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;

import dk.amu.catalogue.eventlog.LinkState;
import dk.amu.catalogue.eventlog.LinkState.Successor;
import org.junit.jupiter.api.Test;

class SharedLinkValuesTests {

    final SharedLinkValues values = new SharedLinkValues();

    @Test
    void shouldKeepEachStateEqualWhileItsValuesAreSharedWithTheStatesBefore() {
        var first = values.share(link("47299", "Økonomi", "2.0", LocalDate.of(2025, 1, 1)));
        var decodedAgain = link("47300", "Økonomi", "2.0", LocalDate.of(2025, 1, 1));

        var second = values.share(decodedAgain);

        assertThat(second).isEqualTo(decodedAgain).isNotSameAs(decodedAgain);
        assertThat(second.fkbCode()).isSameAs(first.fkbCode());
        assertThat(second.title()).isSameAs(first.title());
        assertThat(second.euu()).isSameAs(first.euu());
        assertThat(second.durationDays()).isSameAs(first.durationDays());
        assertThat(second.linkedFrom()).isSameAs(first.linkedFrom());
        assertThat(second.successor()).isSameAs(first.successor());
        assertThat(second.recordedAt()).isSameAs(first.recordedAt());
        assertThat(second.courseNumber()).isSameAs(decodedAgain.courseNumber());
    }

    @Test
    void shouldKeepADurationOfAnotherScaleAsItWasWritten() {
        values.share(link("47299", "Økonomi", "2.0", LocalDate.of(2025, 1, 1)));

        var moreDigits = values.share(link("47300", "Økonomi", "2.00", LocalDate.of(2025, 1, 1)));

        assertThat(moreDigits.durationDays().toPlainString()).isEqualTo("2.00");
    }

    @Test
    void shouldKeepTheValuesAStateDoesNotHave() {
        var state = values.share(new LinkState("fkb", "47299", "Økonomi", "AD", new BigDecimal("2.0"),
                LocalDate.of(2025, 1, 1), null, null, null, 1, Instant.parse("2025-01-01T08:00:00Z")));

        assertThat(state.linkedTo()).isNull();
        assertThat(state.unlinkedOn()).isNull();
        assertThat(state.successor()).isNull();
    }

    // a new object for every value, as decoding an event gives
    private static LinkState link(String course, String title, String duration, LocalDate from) {
        return new LinkState(new String("viden-og-forretningsservice"), course, new String(title), new String("AD"),
                new BigDecimal(duration), LocalDate.of(from.getYear(), from.getMonth(), from.getDayOfMonth()),
                LocalDate.of(2027, 6, 30), null, new Successor(new String("47400"), new String("Ny økonomi")), 7,
                Instant.ofEpochMilli(Instant.parse("2025-01-01T08:00:00Z").toEpochMilli()));
    }
}
