package dk.amu.catalogue.ingest.document;

import java.util.List;
import java.util.Locale;
import java.util.Objects;

import dk.amu.catalogue.snapshots.v1.CourseLink;

/**
 * Turns an uploaded FKB document, PDF or plain text, into an {@link FkbDocument}. It either
 * returns every row of "Aktuelt tilkoblede mål" exactly or rejects the whole document: a half-read
 * table would look to the diff like courses being unlinked, and schools would be told so.
 *
 * <p>Stateless and thread-safe; one instance can serve every ingestion path.
 */
public final class FkbDocumentParser {

    /**
     * @param content  the raw bytes of the document
     * @param fileName the name the operator knows the document by, may be null; a name ending in
     *                 ".pdf" promises a PDF, so such a file is not read as text
     * @throws DocumentRejectedException when the document cannot be read completely and exactly
     */
    public FkbDocument parse(byte[] content, String fileName) {
        Objects.requireNonNull(content, "content");
        return parse(content, isNamedPdf(fileName));
    }

    private static FkbDocument parse(byte[] content, boolean namedPdf) {
        if (content.length == 0) {
            throw new DocumentRejectedException("the file is empty");
        }
        if (namedPdf && !PdfText.isPdf(content)) {
            // a truncated or mangled download: reading it as text would only give a vaguer message
            throw new DocumentRejectedException("the PDF could not be read: the file does not start with %PDF-");
        }
        String text = PdfText.isPdf(content) ? PdfText.extract(content) : EncodedText.decode(content);
        TextScreening.screen(text);
        DocumentLines lines = DocumentLines.of(text);
        if (lines.lines().stream().allMatch(String::isEmpty)) {
            throw new DocumentRejectedException("the file contains only white space");
        }
        List<CourseLink> links = LinkTableReader.read(lines).stream().map(LinkRow::toCourseLink).toList();
        int tableStart = LinkTableReader.heading(lines).orElseThrow();
        return new FkbDocument(DescriptionReader.title(lines, tableStart),
                DescriptionReader.competences(lines, tableStart), links);
    }

    private static boolean isNamedPdf(String fileName) {
        return fileName != null && fileName.strip().toLowerCase(Locale.ROOT).endsWith(".pdf");
    }
}
