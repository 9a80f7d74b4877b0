package dk.amu.catalogue.projections.web;


import dk.amu.catalogue.projections.rebuild.RebuildElsewhereException;
import dk.amu.catalogue.web.Problems;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.NestedExceptionUtils;
import org.springframework.dao.DataAccessException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/** Every failed query as an RFC 9457 problem a person can act on. */
@RestControllerAdvice
class ProjectionProblems extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ProjectionProblems.class);


    @ExceptionHandler
    ProblemDetail badParameter(BadParameterException ex) {
        var problem = Problems.of(HttpStatus.BAD_REQUEST, "bad-parameter", "Bad parameter", ex.getMessage());
        problem.setProperty("parameter", ex.parameter());
        return problem;
    }

    @ExceptionHandler
    ProblemDetail badCursor(Cursors.BadCursorException ex) {
        var problem = Problems.of(HttpStatus.BAD_REQUEST, "bad-parameter", "Bad parameter", ex.getMessage());
        problem.setProperty("parameter", "cursor");
        return problem;
    }

    @ExceptionHandler
    ProblemDetail notFound(NotFoundException ex) {
        return Problems.of(HttpStatus.NOT_FOUND, "unknown-" + ex.kind(), "Unknown " + ex.kind().toUpperCase(), ex.getMessage());
    }

    @ExceptionHandler
    ProblemDetail rebuildElsewhere(RebuildElsewhereException ex) {
        return Problems.of(HttpStatus.CONFLICT, "rebuild-running", "Rebuild running elsewhere", ex.getMessage());
    }

    @ExceptionHandler
    ProblemDetail databaseDown(DataAccessException ex) {
        log.warn("A query failed on the database: {}", NestedExceptionUtils.getMostSpecificCause(ex).toString());
        return Problems.of(HttpStatus.SERVICE_UNAVAILABLE, "database-unavailable", "Database unavailable",
                "the read models cannot be read right now; try again shortly, and if it persists check the service's "
                        + "health at /actuator/health");
    }

}
