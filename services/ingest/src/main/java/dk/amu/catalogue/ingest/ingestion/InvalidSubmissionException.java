package dk.amu.catalogue.ingest.ingestion;

/** The submission itself is wrong (not the document's content): nothing was read or written. */
public class InvalidSubmissionException extends RuntimeException {

    public InvalidSubmissionException(String message) {
        super(message);
    }
}
