package dk.amu.catalogue.projections.dashboard;

import jakarta.servlet.http.HttpServletResponse;
import dk.amu.catalogue.projections.web.BadParameterException;
import dk.amu.catalogue.projections.web.Cursors;
import dk.amu.catalogue.projections.web.NotFoundException;
import dk.amu.catalogue.web.Languages;
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
 * What every dashboard page shares: links to this page in the other language, and errors as a
 * page a person reads rather than the API's problem JSON. Ordered before the API's advice, and
 * limited to the dashboard's controllers so the API keeps answering with problem details.
 */
@ControllerAdvice(basePackageClasses = DashboardAdvice.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class DashboardAdvice {

    private static final Logger log = LoggerFactory.getLogger(DashboardAdvice.class);

    @ModelAttribute
    void languages(Model model) {
        model.addAttribute("danishUrl", Languages.thisPageIn("da"));
        model.addAttribute("englishUrl", Languages.thisPageIn("en"));
    }

    @ExceptionHandler
    String notFound(NotFoundException ex, Model model, HttpServletResponse response) {
        return error(model, response, HttpStatus.NOT_FOUND, "error.notFound", ex.getMessage());
    }

    @ExceptionHandler({ BadParameterException.class, Cursors.BadCursorException.class })
    String badParameter(RuntimeException ex, Model model, HttpServletResponse response) {
        return error(model, response, HttpStatus.BAD_REQUEST, "error.badParameter", ex.getMessage());
    }

    @ExceptionHandler
    String databaseDown(DataAccessException ex, Model model, HttpServletResponse response) {
        log.warn("A dashboard page could not read the database: {}", ex.toString());
        return error(model, response, HttpStatus.SERVICE_UNAVAILABLE, "error.unavailable", null);
    }

    private String error(Model model, HttpServletResponse response, HttpStatus status, String title, String detail) {
        languages(model);
        response.setStatus(status.value());
        model.addAttribute("status", status.value());
        model.addAttribute("title", title);
        model.addAttribute("detail", detail);
        return "dashboard/error";
    }
}
