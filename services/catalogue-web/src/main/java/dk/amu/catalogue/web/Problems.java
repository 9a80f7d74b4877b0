package dk.amu.catalogue.web;

import java.net.URI;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;

/**
 * RFC 9457 problem details as every service answers them: a type URI under the project's one base,
 * a short title, and a detail a person can act on.
 */
public final class Problems {

    /** The base of every problem type the services answer with; a type names what went wrong, e.g. {@code not-found}. */
    public static final String TYPES = "https://amu-catalogue.invalid/problems/";

    private Problems() {
    }

    public static URI type(String name) {
        return URI.create(TYPES + name);
    }

    public static ProblemDetail of(HttpStatus status, String type, String title, String detail) {
        var problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setType(type(type));
        problem.setTitle(title);
        return problem;
    }
}
