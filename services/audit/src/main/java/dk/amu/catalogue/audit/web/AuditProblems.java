package dk.amu.catalogue.audit.web;

import java.net.URI;

import dk.amu.catalogue.audit.queries.AuditArguments.BadArgumentException;
import dk.amu.catalogue.audit.replay.InconsistentLogException;
import dk.amu.catalogue.audit.replay.KafkaUnavailableException;
import dk.amu.catalogue.audit.replay.ReplaysBusyException;
import dk.amu.catalogue.audit.replay.UndecodableRecordException;
import dk.amu.catalogue.serde.SchemaRegistryUnavailableException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/** RFC 9457 problem details with a message a person can act on. */
@RestControllerAdvice
class AuditProblems {

    private static final String TYPES = "https://amu-catalogue.invalid/problems/";

    @ExceptionHandler(BadArgumentException.class)
    ProblemDetail badArgument(BadArgumentException ex) {
        return problem(HttpStatus.BAD_REQUEST, "bad-argument", "Bad argument", ex.getMessage());
    }

    @ExceptionHandler({ KafkaUnavailableException.class, SchemaRegistryUnavailableException.class })
    ProblemDetail unavailable(RuntimeException ex) {
        return problem(HttpStatus.SERVICE_UNAVAILABLE, "log-unavailable", "The event log cannot be read now",
                ex.getMessage() + "; try again when Kafka and the schema registry are up");
    }

    @ExceptionHandler(ReplaysBusyException.class)
    ResponseEntity<ProblemDetail> busy(ReplaysBusyException ex) {
        var seconds = ex.retryAfter().toSeconds();
        var problem = problem(HttpStatus.TOO_MANY_REQUESTS, "replays-busy", "The audit is busy replaying the log",
                ex.getMessage());
        problem.setProperty("retryAfterSeconds", seconds);
        return ResponseEntity.status(HttpStatus.TOO_MANY_REQUESTS)
                .header(HttpHeaders.RETRY_AFTER, Long.toString(seconds))
                .body(problem);
    }

    @ExceptionHandler(UndecodableRecordException.class)
    ProblemDetail undecodable(UndecodableRecordException ex) {
        var problem = problem(HttpStatus.INTERNAL_SERVER_ERROR, "undecodable-record", "A record of the log cannot be decoded",
                ex.getMessage() + "; GET /api/verify lists every such record");
        problem.setProperty("partition", ex.partition());
        problem.setProperty("offset", ex.offset());
        return problem;
    }

    @ExceptionHandler(InconsistentLogException.class)
    ProblemDetail inconsistent(InconsistentLogException ex) {
        return problem(HttpStatus.INTERNAL_SERVER_ERROR, "inconsistent-log", "The log does not fold to a state",
                ex.getMessage());
    }

    private static ProblemDetail problem(HttpStatus status, String type, String title, String detail) {
        var problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setType(URI.create(TYPES + type));
        problem.setTitle(title);
        return problem;
    }
}
