package dk.amu.catalogue.audit.web;


import dk.amu.catalogue.audit.queries.AuditArguments.BadArgumentException;
import dk.amu.catalogue.audit.replay.InconsistentLogException;
import dk.amu.catalogue.audit.replay.KafkaUnavailableException;
import dk.amu.catalogue.audit.replay.ReplaysBusyException;
import dk.amu.catalogue.audit.replay.UndecodableRecordException;
import dk.amu.catalogue.serde.SchemaRegistryUnavailableException;
import dk.amu.catalogue.web.Problems;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/** RFC 9457 problem details with a message a person can act on. */
@RestControllerAdvice
class AuditProblems {


    @ExceptionHandler(BadArgumentException.class)
    ProblemDetail badArgument(BadArgumentException ex) {
        return Problems.of(HttpStatus.BAD_REQUEST, "bad-argument", "Bad argument", ex.getMessage());
    }

    @ExceptionHandler({ KafkaUnavailableException.class, SchemaRegistryUnavailableException.class })
    ProblemDetail unavailable(RuntimeException ex) {
        return Problems.of(HttpStatus.SERVICE_UNAVAILABLE, "log-unavailable", "The event log cannot be read now",
                ex.getMessage() + "; try again when Kafka and the schema registry are up");
    }

    @ExceptionHandler(ReplaysBusyException.class)
    ResponseEntity<ProblemDetail> busy(ReplaysBusyException ex) {
        var seconds = ex.retryAfter().toSeconds();
        var problem = Problems.of(HttpStatus.TOO_MANY_REQUESTS, "replays-busy", "The audit is busy replaying the log",
                ex.getMessage());
        problem.setProperty("retryAfterSeconds", seconds);
        return ResponseEntity.status(HttpStatus.TOO_MANY_REQUESTS)
                .header(HttpHeaders.RETRY_AFTER, Long.toString(seconds))
                .body(problem);
    }

    @ExceptionHandler(UndecodableRecordException.class)
    ProblemDetail undecodable(UndecodableRecordException ex) {
        var problem = Problems.of(HttpStatus.INTERNAL_SERVER_ERROR, "undecodable-record", "A record of the log cannot be decoded",
                ex.getMessage() + "; GET /api/verify lists every such record");
        problem.setProperty("partition", ex.partition());
        problem.setProperty("offset", ex.offset());
        return problem;
    }

    @ExceptionHandler(InconsistentLogException.class)
    ProblemDetail inconsistent(InconsistentLogException ex) {
        return Problems.of(HttpStatus.INTERNAL_SERVER_ERROR, "inconsistent-log", "The log does not fold to a state",
                ex.getMessage());
    }

}
