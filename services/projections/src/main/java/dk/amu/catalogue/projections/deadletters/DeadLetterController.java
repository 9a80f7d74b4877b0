package dk.amu.catalogue.projections.deadletters;

import java.net.URI;
import java.util.List;

import dk.amu.catalogue.eventconsumer.DeadLetterDesk;
import dk.amu.catalogue.eventconsumer.DeadLetterDetail;
import dk.amu.catalogue.eventconsumer.DeadLetterPage;
import dk.amu.catalogue.eventconsumer.DeadLettersUnavailableException;
import dk.amu.catalogue.eventconsumer.RedriveResult;
import dk.amu.catalogue.eventconsumer.RedriveResult.Outcome;
import dk.amu.catalogue.projections.web.BadParameterException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The operator's view of {@code projections.dead-letters}: list, show one decoded, redrive one or all.
 * Reads need the admin token too ({@code web.AdminAccess}): a dead letter shows what could not be applied.
 */
@RestController
class DeadLetterController {

    private static final String TYPES = "https://amu-catalogue.invalid/problems/";

    private final DeadLetterDesk desk;

    DeadLetterController(DeadLetterDesk desk) {
        this.desk = desk;
    }

    @GetMapping("/api/admin/dead-letters")
    DeadLetterPage list(@RequestParam(defaultValue = "0") long from, @RequestParam(defaultValue = "100") int limit) {
        if (from < 0) {
            throw new BadParameterException("from", "from is an offset in the dead-letter topic, 0 or more; got " + from);
        }
        if (limit < 1 || limit > DeadLetterDesk.MAX_PAGE) {
            throw new BadParameterException("limit", "limit is 1 to " + DeadLetterDesk.MAX_PAGE + "; got " + limit);
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
        var problem = ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT, result.detail());
        problem.setType(URI.create(TYPES + "redrive-" + result.outcome().name().toLowerCase().replace('_', '-')));
        problem.setTitle("Dead letter not redriven");
        problem.setProperty("outcome", result.outcome());
        problem.setProperty("deadLetter", result.letter());
        return problem;
    }

    @ExceptionHandler
    ProblemDetail unavailable(DeadLettersUnavailableException ex) {
        var problem = ProblemDetail.forStatusAndDetail(HttpStatus.SERVICE_UNAVAILABLE, ex.getMessage()
                + "; nothing changed, try again once Kafka answers");
        problem.setType(URI.create(TYPES + "kafka-unavailable"));
        problem.setTitle("Kafka unavailable");
        return problem;
    }

    @ExceptionHandler
    ProblemDetail unknown(UnknownDeadLetterException ex) {
        var problem = ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, ex.getMessage());
        problem.setType(URI.create(TYPES + "unknown-dead-letter"));
        problem.setTitle("Unknown dead letter");
        return problem;
    }

    private static UnknownDeadLetterException unknown(int partition, long offset) {
        return new UnknownDeadLetterException("no dead letter at partition " + partition + ", offset " + offset
                + " of projections.dead-letters; GET /api/admin/dead-letters lists them");
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
