package dk.amu.catalogue.ingest.ingestion;

/**
 * The document drops more of the FKB's links than a real revision plausibly would; ingesting it would
 * tell every school of mass removals. Held back until the operator forces it.
 */
public class SuspiciousDocumentException extends RuntimeException {

    private final int previousLinks;

    private final int missingLinks;

    public SuspiciousDocumentException(String fkbCode, int previousLinks, int missingLinks) {
        super("document for FKB " + fkbCode + " lacks " + missingLinks + " of the " + previousLinks
                + " links that were still valid; it was held back as suspicious. Check the document, then submit it "
                + "with force=true (upload API) or --force (command line) if the removals are real");
        this.previousLinks = previousLinks;
        this.missingLinks = missingLinks;
    }

    public int previousLinks() {
        return previousLinks;
    }

    public int missingLinks() {
        return missingLinks;
    }
}
