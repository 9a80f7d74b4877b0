package dk.amu.catalogue.ingest.web;


import dk.amu.catalogue.ingest.document.DocumentRejectedException;
import dk.amu.catalogue.ingest.ingestion.InvalidSubmissionException;
import dk.amu.catalogue.ingest.ingestion.PublishFailedException;
import dk.amu.catalogue.ingest.ingestion.SuspiciousDocumentException;
import dk.amu.catalogue.web.Problems;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/** Every failed ingestion as an RFC 9457 problem a person can act on; nothing was written in any of these cases. */
@RestControllerAdvice
class IngestProblems extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(IngestProblems.class);


    @ExceptionHandler
    ProblemDetail rejected(DocumentRejectedException ex) {
        var problem = Problems.of(HttpStatus.UNPROCESSABLE_CONTENT, "document-rejected", "Document rejected", ex.getMessage());
        ex.lineNumber().ifPresent(line -> problem.setProperty("line", line));
        return problem;
    }

    @ExceptionHandler
    ProblemDetail invalid(InvalidSubmissionException ex) {
        return Problems.of(HttpStatus.BAD_REQUEST, "invalid-submission", "Invalid submission", ex.getMessage());
    }

    @ExceptionHandler
    ProblemDetail suspicious(SuspiciousDocumentException ex) {
        var problem = Problems.of(HttpStatus.CONFLICT, "suspicious-document", "Document held back", ex.getMessage());
        problem.setProperty("previousLinks", ex.previousLinks());
        problem.setProperty("missingLinks", ex.missingLinks());
        return problem;
    }

    @ExceptionHandler
    ProblemDetail unavailable(PublishFailedException ex) {
        return Problems.of(HttpStatus.SERVICE_UNAVAILABLE, "publish-failed", "Kafka unavailable", ex.getMessage());
    }

    /** Anything unforeseen: a problem body all the same, without internals; the log has the details. */
    @ExceptionHandler
    ProblemDetail unexpected(RuntimeException ex) {
        log.error("Unexpected failure while ingesting", ex);
        return Problems.of(HttpStatus.INTERNAL_SERVER_ERROR, "internal-error", "Internal error",
                "the ingestion failed unexpectedly and nothing was committed; try again, and if it persists "
                        + "the service log says why");
    }

}
