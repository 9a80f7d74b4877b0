package dk.amu.catalogue.notifier.portal;

import dk.amu.catalogue.notifier.system.InvalidRequestException;
import dk.amu.catalogue.notifier.system.NotFoundException;
import dk.amu.catalogue.web.Languages;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.dao.DataAccessException;
import org.springframework.http.HttpStatus;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.ModelAttribute;

/**
 * What every page of the portal shares: the links to this page in the other language, the session's
 * CSRF token for its forms, who is signed in, and errors as a page a person reads rather than the
 * API's problem JSON. Limited to the portal's controllers, so the API keeps its problem details.
 */
@ControllerAdvice(basePackageClasses = PortalAdvice.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class PortalAdvice {

    private static final Logger log = LoggerFactory.getLogger(PortalAdvice.class);

    @ModelAttribute
    void shared(Model model, HttpServletRequest request) {
        model.addAttribute("danishUrl", Languages.thisPageIn("da"));
        model.addAttribute("englishUrl", Languages.thisPageIn("en"));
        var session = PortalRequests.session(request);
        session.ifPresent(s -> model.addAttribute("csrf", s.csrf()));
        model.addAttribute("signedIn", session.isPresent());
        model.addAttribute("operator", session.map(PortalSessions.Session::operator).orElse(false));
    }

    @ExceptionHandler
    String notFound(NotFoundException ex, Model model, HttpServletRequest request, HttpServletResponse response) {
        return error(model, request, response, HttpStatus.NOT_FOUND, "error.notFound", ex.getMessage());
    }

    @ExceptionHandler
    String invalid(InvalidRequestException ex, Model model, HttpServletRequest request, HttpServletResponse response) {
        return error(model, request, response, HttpStatus.BAD_REQUEST, "error.badRequest", ex.getMessage());
    }

    @ExceptionHandler
    String databaseDown(DataAccessException ex, Model model, HttpServletRequest request, HttpServletResponse response) {
        log.warn("A portal page could not read the database: {}", ex.toString());
        return error(model, request, response, HttpStatus.SERVICE_UNAVAILABLE, "error.unavailable", null);
    }

    private String error(Model model, HttpServletRequest request, HttpServletResponse response, HttpStatus status,
            String title, String detail) {
        shared(model, request);
        response.setStatus(status.value());
        model.addAttribute("status", status.value());
        model.addAttribute("title", title);
        model.addAttribute("detail", detail);
        return "portal/error";
    }
}
