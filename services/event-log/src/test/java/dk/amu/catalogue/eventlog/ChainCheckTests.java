package dk.amu.catalogue.eventlog;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import dk.amu.catalogue.eventlog.ChainCheck.Finding;
import dk.amu.catalogue.eventlog.ChainCheck.Problem;
import dk.amu.catalogue.events.v1.CatalogueEvent;

class ChainCheckTests {

    private final List<CatalogueEvent> history = SampleEvents.history();

    @Test
    void shouldFindNothingInAnIntactChainAndEndAtItsHead() {
        var check = new ChainCheck();

        assertThat(findings(check, history)).isEmpty();
        assertThat(check.heads()).containsEntry(SampleEvents.FKB,
                new ChainCheck.Head(4, history.get(3).getHash()));
    }

    @Test
    void shouldNameTheMissingSequenceWhenARecordIsRemoved() {
        var gap = new ArrayList<>(history);
        gap.remove(1);

        assertThat(findings(new ChainCheck(), gap)).extracting(Finding::sequence, Finding::problem)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(3L, Problem.MISSING));
    }

    @Test
    void shouldNoticeTwoSwappedRecords() {
        var swapped = new ArrayList<>(history);
        swapped.set(1, history.get(2));
        swapped.set(2, history.get(1));

        assertThat(findings(new ChainCheck(), swapped)).extracting(Finding::sequence, Finding::problem)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(3L, Problem.MISSING),
                        org.assertj.core.groups.Tuple.tuple(2L, Problem.OUT_OF_ORDER));
    }

    @Test
    void shouldNoticeAnAlteredEventAndAForgedHashThatBreaksTheNextLink() {
        var altered = new ArrayList<>(history);
        var forged = SampleEvents.copy(history.get(1));
        forged.setEffectiveDate(forged.getEffectiveDate().plusDays(1));

        altered.set(1, forged);
        assertThat(findings(new ChainCheck(), altered)).extracting(Finding::problem).containsExactly(Problem.ALTERED);

        forged.setEventId(EventChain.eventIdOf(forged));
        forged.setHash(EventChain.hashOf(forged));
        assertThat(findings(new ChainCheck(), altered)).extracting(Finding::sequence, Finding::problem)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(3L, Problem.BROKEN_LINK));
    }

    private static List<Finding> findings(ChainCheck check, List<CatalogueEvent> events) {
        return events.stream()
                .map(e -> check.accept(new ChainCheck.Observed(e.getFkbCode(), e.getSequence(), e.getPreviousHash(),
                        e.getHash(), e.getEventId(), EventChain.hashOf(e), EventChain.eventIdOf(e))))
                .flatMap(Optional::stream).toList();
    }
}
