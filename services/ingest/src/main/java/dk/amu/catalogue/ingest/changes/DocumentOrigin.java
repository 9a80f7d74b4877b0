package dk.amu.catalogue.ingest.changes;

import java.util.Objects;

import dk.amu.catalogue.events.v1.EventSource;

/**
 * Where a document came from: the hash of its bytes, its file name or URL and the ingestion run.
 *
 * @param documentSha256 lowercase hex SHA-256 of the document bytes
 * @param documentName file name or URL; may be null when the operator supplied none
 * @param ingestionId identifies the ingestion run
 */
public record DocumentOrigin(String documentSha256, String documentName, String ingestionId) {

    public DocumentOrigin {
        Objects.requireNonNull(documentSha256, "documentSha256");
        Objects.requireNonNull(ingestionId, "ingestionId");
    }

    EventSource toEventSource() {
        return new EventSource(documentSha256, documentName, ingestionId);
    }
}
