package dk.amu.catalogue.ingest.document;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import dk.amu.catalogue.snapshots.v1.CourseLink;

/** One row of "Aktuelt tilkoblede mål" and where it stood in the text. */
record LinkRow(int firstLine, String courseNumber, String title, String euu, BigDecimal durationDays,
        LocalDate linkedFrom, LocalDate linkedTo) {

    CourseLink toCourseLink() {
        return CourseLink.newBuilder()
                .setCourseNumber(courseNumber)
                .setTitle(title)
                .setEuu(euu)
                .setDurationDays(durationDays)
                .setLinkedFrom(linkedFrom)
                .setLinkedTo(linkedTo)
                .build();
    }

    /** The names of the fields in which the two rows disagree; empty when they say the same. */
    List<String> differencesFrom(LinkRow other) {
        List<String> differences = new ArrayList<>();
        if (!title.equals(other.title)) {
            differences.add("title");
        }
        if (!euu.equals(other.euu)) {
            differences.add("EUU");
        }
        if (durationDays.compareTo(other.durationDays) != 0) {
            differences.add("duration");
        }
        if (!linkedFrom.equals(other.linkedFrom) || !Objects.equals(linkedTo, other.linkedTo)) {
            differences.add("period");
        }
        return differences;
    }
}
