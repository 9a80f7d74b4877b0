package dk.amu.catalogue.ingest.web;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;

import dk.amu.catalogue.ingest.ingestion.SnapshotStore;
import dk.amu.catalogue.snapshots.v1.CatalogueSnapshot;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/** What the operator has ingested so far: each FKB's latest document and the head of its event chain. */
@RestController
class FkbController {

    private final SnapshotStore snapshots;

    FkbController(SnapshotStore snapshots) {
        this.snapshots = snapshots;
    }

    record FkbSummary(String fkbCode, String title, int links, int competences, long events, String headHash,
            String documentName, String documentSha256, Instant recordedAt) {

        static FkbSummary of(CatalogueSnapshot snapshot) {
            return new FkbSummary(snapshot.getFkbCode(), snapshot.getTitle(), snapshot.getLinks().size(),
                    snapshot.getCompetences().size(), snapshot.getHeadSequence(), snapshot.getHeadHash(),
                    snapshot.getDocumentName(), snapshot.getDocumentSha256(), snapshot.getRecordedAt());
        }
    }

    @GetMapping("/api/fkbs")
    List<FkbSummary> all() {
        return snapshots.all().stream().map(FkbSummary::of).sorted(Comparator.comparing(FkbSummary::fkbCode)).toList();
    }

    @GetMapping("/api/fkbs/{fkbCode}")
    FkbSummary one(@PathVariable String fkbCode) {
        return snapshots.all().stream()
                .filter(snapshot -> snapshot.getFkbCode().equals(fkbCode))
                .findFirst()
                .map(FkbSummary::of)
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND,
                        "no document has been ingested for FKB '" + fkbCode + "'"));
    }
}
