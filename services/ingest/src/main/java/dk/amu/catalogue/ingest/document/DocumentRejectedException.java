package dk.amu.catalogue.ingest.document;

import java.util.OptionalInt;

/**
 * An FKB document that cannot be turned into a trustworthy snapshot. The message is meant for the
 * catalogue operator: it says what is wrong and, where it can, on which line of the extracted text
 * (1-based), on which page of a PDF read by its table layout, or for which course, so the operator
 * can fix the document or report it upstream.
 */
public final class DocumentRejectedException extends RuntimeException {

    private final String reason;
    private final Integer lineNumber;
    private final Integer pageNumber;

    public DocumentRejectedException(String reason) {
        this(reason, null, null, null);
    }

    public DocumentRejectedException(String reason, int lineNumber) {
        this(reason, lineNumber, null, null);
    }

    public DocumentRejectedException(String reason, Throwable cause) {
        this(reason, null, null, cause);
    }

    private DocumentRejectedException(String reason, Integer lineNumber, Integer pageNumber, Throwable cause) {
        super(prefix(lineNumber, pageNumber) + reason, cause);
        this.reason = reason;
        this.lineNumber = lineNumber;
        this.pageNumber = pageNumber;
    }

    /** A problem in a PDF read by its layout, where lines of extracted text mean nothing to the operator. */
    static DocumentRejectedException onPage(String reason, int pageNumber) {
        return new DocumentRejectedException(reason, null, pageNumber, null);
    }

    private static String prefix(Integer lineNumber, Integer pageNumber) {
        if (lineNumber != null) {
            return "line " + lineNumber + ": ";
        }
        return pageNumber == null ? "" : "page " + pageNumber + ": ";
    }

    /** What is wrong, without the line or page prefix. */
    public String reason() {
        return reason;
    }

    /** The 1-based line in the extracted text, when the problem sits on one line. */
    public OptionalInt lineNumber() {
        return lineNumber == null ? OptionalInt.empty() : OptionalInt.of(lineNumber);
    }

    /** The 1-based page of a PDF read by its table layout, when the problem sits on one page. */
    public OptionalInt pageNumber() {
        return pageNumber == null ? OptionalInt.empty() : OptionalInt.of(pageNumber);
    }
}
