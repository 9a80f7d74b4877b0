package dk.amu.catalogue.standalone.scaleout;

import java.util.ArrayList;
import java.util.List;

/**
 * FKB documents in the text form ingest reads, a revision at a time: each revision of an FKB drops
 * a few of its courses, brings back ones dropped before, moves end dates and renames a course, so
 * every revision against any other makes events of several kinds.
 */
final class Documents {

    static final int COURSES = 24;

    private Documents() {
    }

    /** The course numbers FKB number {@code fkb} may link: its own, so no other test's events match them. */
    static String course(int fkb, int k) {
        return String.valueOf(31000 + fkb * 100 + k);
    }

    static String revision(int fkb, int revision) {
        var text = new StringBuilder();
        text.append("Fælles kompetencebeskrivelse\n\n");
        text.append("Målgruppen for FKB Skalering ").append(fkb).append(" er medarbejdere i mange virksomheder.\n\n");
        text.append("Aktuelt tilkoblede mål\n\n");
        text.append("Nummer, niveau og titel EUU Varighed\ni dage\n\nTilknyttet i perioden\n\n");
        for (var row : rows(fkb, revision)) {
            text.append(row).append('\n');
        }
        return text.toString();
    }

    private static List<String> rows(int fkb, int revision) {
        var rows = new ArrayList<String>();
        for (int k = 0; k < COURSES; k++) {
            if (revision > 0 && (k + revision) % 7 == 0) {
                continue;
            }
            var title = "Kommunikation og samarbejde del " + k + ((k + revision) % 9 == 0 ? " med cases" : "");
            var period = (k + revision) % 5 == 0 ? "19-12-2024 til 31-12-2030"
                    : (k * revision) % 11 == 3 ? "19-12-2024 til 30-06-2031" : "19-12-2024 og fremefter";
            rows.add(course(fkb, k) + " " + title + " AD 2,0 " + period);
        }
        return rows;
    }
}
