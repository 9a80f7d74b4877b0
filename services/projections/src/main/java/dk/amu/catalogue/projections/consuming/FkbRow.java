package dk.amu.catalogue.projections.consuming;

import java.time.Instant;
import java.util.List;

/** An FKB's row as the fold of its events leaves it. */
record FkbRow(String code, String title, List<String> competences, int revisions, long events, long headSequence,
        Instant latestRevisionAt, Instant updatedAt) {

    static FkbRow first(String code) {
        return new FkbRow(code, code, List.of(), 0, 0, 0, null, null);
    }
}
