package dk.amu.catalogue.projections.links;

import java.util.List;

/**
 * A course in every FKB that has linked it.
 *
 * @param title the course's latest title in any FKB
 */
public record CourseView(String courseNumber, String title, List<InFkb> fkbs) {

    /** The course in one FKB: the link now, with its status on the asked date, and every version of it. */
    public record InFkb(String fkbCode, String fkbTitle, LinkView link, List<LinkVersion> history) {
    }
}
