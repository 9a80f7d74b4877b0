package dk.amu.catalogue.ingest.ingestion;

/**
 * The document drops more of the FKB's links than a real revision plausibly would, or names another
 * FKB than the one it was submitted for; ingesting it would tell every school of mass removals.
 * Held back until the operator forces it.
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

    private SuspiciousDocumentException(String message) {
        super(message);
        this.previousLinks = 0;
        this.missingLinks = 0;
    }

    /** The document keeps none of the FKB's competences: most likely another FKB's, uploaded to the wrong code. */
    public static SuspiciousDocumentException sharesNoCompetence(String fkbCode, String fkbTitle, int competences) {
        return new SuspiciousDocumentException("document keeps none of the " + competences + " competences of FKB "
                + fkbCode + " ('" + fkbTitle + "'), so it is most likely another FKB's; it was held back as suspicious. "
                + "Check that it was submitted for the right FKB code, then submit it with force=true (upload API) or "
                + "--force (command line) if the FKB really was rewritten");
    }

    /** The document's own title is another FKB's: most likely uploaded to the wrong FKB code. */
    public static SuspiciousDocumentException namesAnotherFkb(String fkbCode, String fkbTitle, String documentTitle) {
        return new SuspiciousDocumentException("document names FKB '" + documentTitle + "', but FKB " + fkbCode
                + " is '" + fkbTitle + "'; it was held back as suspicious. Check that it was submitted for the right FKB "
                + "code, then submit it with force=true (upload API) or --force (command line) if the FKB was renamed");
    }

    public int previousLinks() {
        return previousLinks;
    }

    public int missingLinks() {
        return missingLinks;
    }
}
