package dk.amu.catalogue.ingest.document;

import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

import dk.amu.catalogue.ingest.document.FkbDocument.Reading;
import dk.amu.catalogue.ingest.document.FkbDocument.ReadingMethod;

/**
 * Turns an uploaded FKB document, PDF or plain text, into an {@link FkbDocument}. It either
 * returns every row of "Aktuelt tilkoblede mål" exactly or rejects the whole document: a half-read
 * table would look to the diff like courses being unlinked, and schools would be told so.
 *
 * <p>A PDF's table is read by its layout (where each word was printed), as an office suite lays
 * out a table; a PDF without a table header to take columns from is read as extracted text, like
 * a plain-text document.
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
        if (!PdfText.isPdf(content)) {
            String text = EncodedText.decode(content);
            TextScreening.screen(text);
            DocumentLines lines = DocumentLines.of(text);
            return read(lines, lines, Optional.empty(), 0);
        }
        PdfLayout.PdfContent pdf = PdfText.extract(content);
        TextScreening.screen(pdf.text());
        List<List<PrintedLine>> pages = pdf.pages().stream().map(PrintedLine::of).toList();
        Optional<LayoutTable> table = LayoutTable.find(pages);
        RunningLines running = new RunningLines(pages,
                (page, line) -> table.isPresent() && table.get().insideRows(page, line));
        DocumentLines lines = DocumentLines.of(pdf.text());
        int tableStart = LinkTableReader.heading(lines).orElse(lines.count() + 1);
        return read(lines, running.blankedBefore(lines, tableStart), table.map(found -> found.read(running)),
                pages.size());
    }

    /**
     * @param description the lines to read the description from: {@code lines} without a PDF's running headers
     * @param layoutRows  the rows read from a PDF's layout, or empty to read them from the text
     */
    private static FkbDocument read(DocumentLines lines, DocumentLines description,
            Optional<List<LinkRow>> layoutRows, int pages) {
        if (lines.lines().stream().allMatch(String::isEmpty)) {
            throw new DocumentRejectedException("the file contains only white space");
        }
        List<LinkRow> rows = layoutRows.orElseGet(() -> LinkTableReader.read(lines));
        ReadingMethod method = layoutRows.isPresent() ? ReadingMethod.PDF_TABLE_LAYOUT
                : pages > 0 ? ReadingMethod.PDF_TEXT : ReadingMethod.TEXT;
        int tableStart = LinkTableReader.heading(lines).orElse(lines.count() + 1);
        return new FkbDocument(DescriptionReader.title(description, tableStart),
                DescriptionReader.competences(description, tableStart),
                rows.stream().map(LinkRow::toCourseLink).toList(), new Reading(method, pages, rows.size()));
    }

    private static boolean isNamedPdf(String fileName) {
        return fileName != null && fileName.strip().toLowerCase(Locale.ROOT).endsWith(".pdf");
    }
}
