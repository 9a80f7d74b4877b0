package dk.amu.catalogue.ingest.document;

import java.util.List;
import java.util.Objects;

import dk.amu.catalogue.snapshots.v1.CourseLink;

/**
 * What a parser gets out of one FKB document: its title (when the document names it), the
 * competence titles and every row of "Aktuelt tilkoblede mål", all in document order, and how the
 * document was read.
 */
public record FkbDocument(String title, List<String> competences, List<CourseLink> links, Reading reading) {

    public FkbDocument {
        competences = List.copyOf(competences);
        links = List.copyOf(links);
        Objects.requireNonNull(reading, "reading");
    }

    /** A document given as content rather than read from a file, such as a test's or a sample's. */
    public FkbDocument(String title, List<String> competences, List<CourseLink> links) {
        this(title, competences, links, new Reading(ReadingMethod.TEXT, 0, links.size()));
    }

    /**
     * How the table was read, for the operator to see in the report: a PDF whose table was read by
     * its layout, a PDF read as extracted text (no table header to take columns from), or plain text.
     *
     * @param pages the PDF's pages; 0 for plain text
     * @param rows  the rows read from the table, a row printed twice counted once
     */
    public record Reading(ReadingMethod method, int pages, int rows) {
    }

    public enum ReadingMethod {
        PDF_TABLE_LAYOUT, PDF_TEXT, TEXT
    }
}
