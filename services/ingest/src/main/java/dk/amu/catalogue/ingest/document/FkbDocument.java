package dk.amu.catalogue.ingest.document;

import java.util.List;

import dk.amu.catalogue.snapshots.v1.CourseLink;

/**
 * What a parser gets out of one FKB document: its title (when the document names it), the
 * competence titles and every row of "Aktuelt tilkoblede mål", all in document order.
 */
public record FkbDocument(String title, List<String> competences, List<CourseLink> links) {

    public FkbDocument {
        competences = List.copyOf(competences);
        links = List.copyOf(links);
    }
}
