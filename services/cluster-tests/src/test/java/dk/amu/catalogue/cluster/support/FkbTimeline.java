package dk.amu.catalogue.cluster.support;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dk.amu.catalogue.ingest.changes.CatalogueDiff;
import dk.amu.catalogue.ingest.changes.DocumentOrigin;
import dk.amu.catalogue.ingest.document.FkbDocumentParser;
import dk.amu.catalogue.ingest.ingestion.DocumentDigest;
import dk.amu.catalogue.ingest.ingestion.DocumentSubmission;
import dk.amu.catalogue.snapshots.v1.CatalogueSnapshot;

/**
 * The published versions of many FKB documents, as text: each version links two more courses,
 * moves some end dates in or out, renames a course now and then and drops one. Deterministic, so
 * what every version must add to the log is known before anything runs ({@link #expected}).
 */
public final class FkbTimeline {

    private final String prefix;

    private final int fkbs;

    private final int versions;

    private final int links;

    /**
     * @param prefix   the FKB codes are {@code prefix-0}, {@code prefix-1}, ...
     * @param versions how many versions each FKB's document has
     * @param links    how many courses the first version links
     */
    public FkbTimeline(String prefix, int fkbs, int versions, int links) {
        this.prefix = prefix;
        this.fkbs = fkbs;
        this.versions = versions;
        this.links = links;
    }

    public int fkbs() {
        return fkbs;
    }

    public int versions() {
        return versions;
    }

    public String fkbCode(int fkb) {
        return prefix + "-" + fkb;
    }

    public List<String> fkbCodes() {
        var codes = new ArrayList<String>();
        for (int f = 0; f < fkbs; f++) {
            codes.add(fkbCode(f));
        }
        return codes;
    }

    public DocumentSubmission submission(int fkb, int version) {
        return new DocumentSubmission(fkbCode(fkb), document(fkb, version), fkbCode(fkb) + "-v" + version + ".txt", null, false);
    }

    /**
     * What a document adds to the log, folded version by version the way ingest diffs them, on a
     * clock that stands still: the ids of its events, in sequence order.
     */
    public Map<String, List<List<String>>> expected(Clock clock) {
        var parser = new FkbDocumentParser();
        var diff = new CatalogueDiff();
        var businessDate = LocalDate.ofInstant(clock.instant(), clock.getZone());
        var result = new LinkedHashMap<String, List<List<String>>>();
        for (int f = 0; f < fkbs; f++) {
            CatalogueSnapshot previous = null;
            var perVersion = new ArrayList<List<String>>();
            for (int v = 0; v < versions; v++) {
                var submission = submission(f, v);
                var document = parser.parse(submission.content(), submission.documentName());
                var origin = new DocumentOrigin(DocumentDigest.sha256Hex(submission.content()), submission.documentName(),
                        "expected");
                var changes = diff.diff(submission.fkbCode(), previous, document, null, origin, clock.instant(), businessDate);
                perVersion.add(changes.events().stream().map(event -> event.getEventId()).toList());
                previous = changes.snapshot();
            }
            result.put(fkbCode(f), perVersion);
        }
        return result;
    }

    byte[] document(int fkb, int version) {
        var text = new StringBuilder()
                .append("Målgruppen for FKB Syntetisk ").append(fkb).append(" er medarbejdere i en syntetisk branche.\n\n")
                .append("Aktuelt tilkoblede mål\n\nNiveau kan angives ved enkeltfag.\n\n")
                .append("Nummer, niveau og titel EUU Varighed\ni dage\n\nTilknyttet i perioden\n\n");
        for (int course = 0; course < links + 2 * version; course++) {
            if (droppedBy(fkb, course, version)) {
                continue;
            }
            var title = "Syntetisk kursus " + fkb + " nummer " + course + (renamedBy(fkb, course, version) ? " udgave B" : "");
            var ends = (course + version + fkb) % 6 == 0 ? "til 30-06-2027" : "og fremefter";
            text.append(String.format("%05d %s AD %d,0 19-12-2024 %s%n", courseNumber(fkb, course), title, 1 + course % 5, ends));
        }
        return text.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static int courseNumber(int fkb, int course) {
        return 10000 + (fkb * 7919 + course * 104729) % 90000;
    }

    /** Every fifth course leaves at one version and stays away; the first version keeps them all. */
    private static boolean droppedBy(int fkb, int course, int version) {
        return course % 5 == 0 && version >= 2 + (course * 7 + fkb) % 40;
    }

    private boolean renamedBy(int fkb, int course, int version) {
        return version >= 1 + (course * 3 + fkb) % (2 * versions);
    }
}
