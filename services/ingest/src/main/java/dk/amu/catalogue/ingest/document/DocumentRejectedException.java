package dk.amu.catalogue.ingest.document;

import java.util.OptionalInt;

/**
 * An FKB document that cannot be turned into a trustworthy snapshot. The message is meant for the
 * catalogue operator: it says what is wrong and, where it can, on which line of the extracted text
 * (1-based) or for which course, so the operator can fix the document or report it upstream.
 */
public final class DocumentRejectedException extends RuntimeException {

    private final String reason;
    private final Integer lineNumber;

    public DocumentRejectedException(String reason) {
        this(reason, null, null);
    }

    public DocumentRejectedException(String reason, int lineNumber) {
        this(reason, lineNumber, null);
    }

    public DocumentRejectedException(String reason, Throwable cause) {
        this(reason, null, cause);
    }

    private DocumentRejectedException(String reason, Integer lineNumber, Throwable cause) {
        super(lineNumber == null ? reason : "line " + lineNumber + ": " + reason, cause);
        this.reason = reason;
        this.lineNumber = lineNumber;
    }

    /** What is wrong, without the line prefix. */
    public String reason() {
        return reason;
    }

    /** The 1-based line in the extracted text, when the problem sits on one line. */
    public OptionalInt lineNumber() {
        return lineNumber == null ? OptionalInt.empty() : OptionalInt.of(lineNumber);
    }
}
