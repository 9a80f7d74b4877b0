package dk.amu.catalogue.notifier.system;


import dk.amu.catalogue.web.Problems;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/** Every refusal as an RFC 9457 problem a person can act on. */
@RestControllerAdvice
class NotifierProblems extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(NotifierProblems.class);


    @ExceptionHandler
    ProblemDetail notFound(NotFoundException ex) {
        return Problems.of(HttpStatus.NOT_FOUND, "not-found", "Not found", ex.getMessage());
    }

    @ExceptionHandler
    ProblemDetail invalid(InvalidRequestException ex) {
        return Problems.of(HttpStatus.BAD_REQUEST, "invalid-request", "Invalid request", ex.getMessage());
    }

    @ExceptionHandler
    ProblemDetail unexpected(RuntimeException ex) {
        log.error("Unexpected failure", ex);
        return Problems.of(HttpStatus.INTERNAL_SERVER_ERROR, "internal-error", "Internal error",
                "the request failed unexpectedly; try again, and if it persists the service log says why");
    }

}
