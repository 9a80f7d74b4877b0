package dk.amu.catalogue.ingest.ingestion;

/** Kafka did not take a document's transaction; nothing of it is visible, and the same ingest can be repeated. */
public class PublishFailedException extends RuntimeException {

    public PublishFailedException(String message, Throwable cause) {
        super(message, cause);
    }
}
