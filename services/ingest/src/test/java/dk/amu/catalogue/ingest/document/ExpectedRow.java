package dk.amu.catalogue.ingest.document;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import dk.amu.catalogue.snapshots.v1.CourseLink;

/**
 * Every field of a {@link CourseLink} as a record, so assertions compare all of them (BigDecimal
 * equality includes the scale, which must be 1) and a failure prints a readable row.
 */
record ExpectedRow(String courseNumber, String title, String euu, BigDecimal durationDays, LocalDate linkedFrom,
        LocalDate linkedTo) {

    static ExpectedRow of(CourseLink link) {
        return new ExpectedRow(link.getCourseNumber(), link.getTitle(), link.getEuu(), link.getDurationDays(),
                link.getLinkedFrom(), link.getLinkedTo());
    }

    static List<ExpectedRow> of(List<CourseLink> links) {
        return links.stream().map(ExpectedRow::of).toList();
    }
}
