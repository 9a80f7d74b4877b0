package dk.amu.catalogue.ingest.ingestion;

/**
 * Kafka could not be read or did not take a document's transaction; nothing of it is visible, and the
 * same ingest can be repeated once Kafka is reachable.
 */
public class PublishFailedException extends RuntimeException {

    public PublishFailedException(String message, Throwable cause) {
        super(message, cause);
    }
}
