package dk.amu.catalogue.eventconsumer;

import java.util.List;

import dk.amu.catalogue.eventconsumer.RedriveResult.Outcome;
import dk.amu.catalogue.eventlog.CatalogueTopics;
import dk.amu.catalogue.web.Problems;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The operator's view of a consumer service's {@code <service>.dead-letters}: list, show one decoded,
 * redrive one or all. Auto-configured beside {@link DeadLetterDesk} in a web application; each service's
 * admin filter guards its reads too, since a dead letter shows what could not be applied.
 */
@RestController
class DeadLetterController {

    private final DeadLetterDesk desk;

    private final String topic;

    DeadLetterController(DeadLetterDesk desk, EventConsumer consumer) {
        this.desk = desk;
        this.topic = CatalogueTopics.deadLetters(consumer.service());
    }

    @GetMapping("/api/admin/dead-letters")
    DeadLetterPage list(@RequestParam(defaultValue = "0") long from, @RequestParam(defaultValue = "100") int limit) {
        if (from < 0) {
            throw new BadParameterException("from is an offset in the dead-letter topic, 0 or more; got " + from);
        }
        if (limit < 1 || limit > DeadLetterDesk.MAX_PAGE) {
            throw new BadParameterException("limit is 1 to " + DeadLetterDesk.MAX_PAGE + "; got " + limit);
        }
        return desk.list(from, limit);
    }

    @GetMapping("/api/admin/dead-letters/{partition}/{offset}")
    DeadLetterDetail show(@PathVariable int partition, @PathVariable long offset) {
        return desk.show(partition, offset).orElseThrow(() -> unknown(partition, offset));
    }

    @PostMapping("/api/admin/dead-letters/{partition}/{offset}/redrive")
    RedriveResult redrive(@PathVariable int partition, @PathVariable long offset) {
        var result = desk.redrive(partition, offset).orElseThrow(() -> unknown(partition, offset));
        if (result.outcome() == Outcome.STILL_FAILING || result.outcome() == Outcome.NOT_PASSED
                || result.outcome() == Outcome.NOT_SUPPORTED) {
            throw new RedriveRefusedException(result);
        }
        return result;
    }

    /** Every dead letter not redriven yet, an FKB at a time; one that still fails is reported, the rest go on. */
    @PostMapping("/api/admin/dead-letters/redrive")
    List<RedriveResult> redriveAll() {
        return desk.redriveAll();
    }

    @ExceptionHandler
    ProblemDetail refused(RedriveRefusedException ex) {
        var result = ex.result();
        var problem = Problems.of(HttpStatus.CONFLICT, "redrive-" + result.outcome().name().toLowerCase().replace('_', '-'),
                "Dead letter not redriven", result.detail());
        problem.setProperty("outcome", result.outcome());
        problem.setProperty("deadLetter", result.letter());
        return problem;
    }

    @ExceptionHandler
    ProblemDetail unavailable(DeadLettersUnavailableException ex) {
        return Problems.of(HttpStatus.SERVICE_UNAVAILABLE, "kafka-unavailable", "Kafka unavailable", ex.getMessage()
                + "; nothing changed, try again once Kafka answers");
    }

    @ExceptionHandler
    ProblemDetail unknown(UnknownDeadLetterException ex) {
        return Problems.of(HttpStatus.NOT_FOUND, "unknown-dead-letter", "Unknown dead letter", ex.getMessage());
    }

    @ExceptionHandler
    ProblemDetail badParameter(BadParameterException ex) {
        return Problems.of(HttpStatus.BAD_REQUEST, "bad-parameter", "Bad parameter", ex.getMessage());
    }

    private UnknownDeadLetterException unknown(int partition, long offset) {
        return new UnknownDeadLetterException("no dead letter at partition " + partition + ", offset " + offset
                + " of " + topic + "; GET /api/admin/dead-letters lists them");
    }

    static final class BadParameterException extends RuntimeException {

        BadParameterException(String message) {
            super(message);
        }
    }

    static final class UnknownDeadLetterException extends RuntimeException {

        UnknownDeadLetterException(String message) {
            super(message);
        }
    }

    static final class RedriveRefusedException extends RuntimeException {

        private final transient RedriveResult result;

        RedriveRefusedException(RedriveResult result) {
            super(result.detail());
            this.result = result;
        }

        RedriveResult result() {
            return result;
        }
    }
}
