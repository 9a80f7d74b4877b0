package dk.amu.catalogue.ingest.changes;

import static dk.amu.catalogue.ingest.changes.Fixtures.VIDEN;
import static dk.amu.catalogue.ingest.changes.Fixtures.find;
import static dk.amu.catalogue.ingest.changes.Fixtures.link;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import dk.amu.catalogue.eventlog.LikelySuccessors;
import dk.amu.catalogue.events.v1.SuccessorHint;
import dk.amu.catalogue.snapshots.v1.CourseLink;

class SuccessorsTests {

    private static final LocalDate END = LocalDate.of(2025, 6, 30);

    private final List<CourseLink> fixture = Fixtures.links(VIDEN);

    @Test
    void shouldHintTheCourseWithTheSameTitleFor47299() {
        SuccessorHint hint = Successors.find(find(fixture, "47299"), END, fixture);

        assertThat(hint).isEqualTo(new SuccessorHint("22487", "Skriftlig kommunikation - sprog og sprogbrug", 1.0));
    }

    @Test
    void shouldHint22598For47301() {
        CourseLink ending = link("47301", "Tekster til nettet - formulering og opbygning", "2022-05-10", "2025-06-30");
        List<CourseLink> links = new ArrayList<>(fixture);
        links.add(ending);

        SuccessorHint hint = Successors.find(ending, END, links);

        assertThat(hint.getCourseNumber()).isEqualTo("22598");
        assertThat(hint.getSimilarity()).isEqualTo(1.0);
    }

    @Test
    void shouldNotHintAMerelyRelatedTitle() {
        assertThat(Successors.find(find(fixture, "47300"), END, fixture)).isNull();
    }

    @Test
    void shouldNotHintACandidateThatIsNoLongerValidAfterTheEnd() {
        CourseLink ending = link("47299", "Skriftlig kommunikation - sprog og sprogbrug", "2024-12-19", "2025-06-30");
        CourseLink sameEnd = link("22487", "Skriftlig kommunikation - sprog og sprogbrug", "2025-01-28", "2025-06-30");
        CourseLink endsLater = link("22487", "Skriftlig kommunikation - sprog og sprogbrug", "2025-01-28", "2025-07-01");

        assertThat(Successors.find(ending, END, List.of(ending, sameEnd))).isNull();
        assertThat(Successors.find(ending, END, List.of(ending, endsLater))).isNotNull();
    }

    @Test
    void shouldNotHintTheEndingCourseItself() {
        CourseLink ending = link("47299", "Skriftlig kommunikation - sprog og sprogbrug", "2024-12-19", null);

        assertThat(Successors.find(ending, END, List.of(ending))).isNull();
    }

    @Test
    void shouldPreferTheSameTitleOverAnAbbreviatedOne() {
        CourseLink ending = link("45571", "Fagunderstøttende dansk som andetsprog F/I", "2024-12-20", "2025-06-30");
        CourseLink abbreviated = link("22508", "Fagunderstøt. dansk som andetsprog F/I", "2025-01-30", null);
        CourseLink same = link("22509", "Fagunderstøttende dansk som andetsprog F/I", "2025-01-30", null);

        assertThat(Successors.find(ending, END, List.of(ending, abbreviated, same)).getCourseNumber())
                .isEqualTo("22509");
    }

    @Test
    void shouldHintALightlyAbbreviatedTitleWithItsSimilarity() {
        CourseLink ending = link("45571", "Fagunderstøttende dansk som andetsprog F/I, integreret", "2024-12-20", "2025-06-30");
        CourseLink abbreviated = link("22508", "Fagunderstøt. dansk som andetsprog F/I, integreret", "2025-01-30", null);

        SuccessorHint hint = Successors.find(ending, END, List.of(ending, abbreviated));

        assertThat(hint.getCourseNumber()).isEqualTo("22508");
        assertThat(hint.getSimilarity()).isBetween(LikelySuccessors.THRESHOLD, 0.999);
    }

    @Test
    void shouldNotHintAHeavilyAbbreviatedTitle() {
        CourseLink ending = link("40001", "Anvendelse af regneark", "2024-12-20", "2025-06-30");
        CourseLink abbreviated = link("40002", "Anv. af regn.", "2025-01-30", null);

        assertThat(Successors.find(ending, END, List.of(ending, abbreviated))).isNull();
    }
}
