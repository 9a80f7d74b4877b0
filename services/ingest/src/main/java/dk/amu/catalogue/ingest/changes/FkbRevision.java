package dk.amu.catalogue.ingest.changes;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

import dk.amu.catalogue.events.v1.FkbRevised;
import dk.amu.catalogue.snapshots.v1.CatalogueSnapshot;

/** The FKB-level part of a new document: its title and the competences added or removed. */
final class FkbRevision {

    private FkbRevision() {
    }

    static FkbRevised of(CatalogueSnapshot previous, String title, List<String> competences) {
        String previousTitle = previous == null ? null : previous.getTitle();
        List<String> before = previous == null ? List.of() : previous.getCompetences();
        return new FkbRevised(title, previousTitle, missingFrom(competences, before), missingFrom(before, competences));
    }

    /**
     * True when the title or the set of competences differs; a new order of the same competences is
     * not a revision.
     */
    static boolean changesFkb(FkbRevised revision) {
        return !Objects.equals(revision.getTitle(), revision.getPreviousTitle())
                || !revision.getCompetencesAdded().isEmpty()
                || !revision.getCompetencesRemoved().isEmpty();
    }

    private static List<String> missingFrom(List<String> these, List<String> others) {
        Set<String> difference = new LinkedHashSet<>(these);
        difference.removeAll(Set.copyOf(others));
        return new ArrayList<>(difference);
    }
}
