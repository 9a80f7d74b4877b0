package dk.amu.catalogue.ingest.ingestion;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * One document handed in by any of the four ways in (HTTP, command line, inbox, polling).
 *
 * @param fkbCode      the FKB the document describes; documents carry no number, so the operator names it
 * @param content      the document's bytes (PDF or text)
 * @param documentName file name or URL, for the record
 * @param title        an FKB title that overrides the document's; null to keep the document's
 * @param force        ingest even a document held back as suspicious
 */
public record DocumentSubmission(String fkbCode, byte[] content, String documentName, String title, boolean force) {

    private static final Pattern FKB_CODE = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,63}");

    public DocumentSubmission {
        Objects.requireNonNull(content, "content");
        if (fkbCode == null || !FKB_CODE.matcher(fkbCode).matches()) {
            throw new InvalidSubmissionException("FKB code '" + fkbCode + "' is not valid: use 1 to 64 letters, digits, "
                    + "'.', '_' or '-', starting with a letter or digit");
        }
        title = title == null || title.isBlank() ? null : title.strip();
        documentName = documentName == null || documentName.isBlank() ? "unnamed document" : documentName;
    }
}
