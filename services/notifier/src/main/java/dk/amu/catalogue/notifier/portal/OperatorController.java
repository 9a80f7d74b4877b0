package dk.amu.catalogue.notifier.portal;

import java.util.UUID;

import dk.amu.catalogue.notifier.schools.SchoolAccounts;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.View;
import jakarta.servlet.http.HttpServletResponse;

/**
 * The operator's page, behind the admin token's browser login: every school, a form to create one
 * (its key shown on the answer, once, and never again), and disabling one (its key stops working,
 * its deliveries stop, nothing is deleted).
 */
@Controller
class OperatorController {

    private static final java.util.regex.Pattern EMAIL = java.util.regex.Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");

    private final SchoolAccounts accounts;

    OperatorController(SchoolAccounts accounts) {
        this.accounts = accounts;
    }

    @GetMapping("/operator")
    String page(Model model) {
        model.addAttribute("schools", accounts.all());
        return "portal/operator";
    }

    @PostMapping("/operator/schools")
    String create(@RequestParam(defaultValue = "") String name, @RequestParam(defaultValue = "") String email,
            Model model, HttpServletResponse response) {
        model.addAttribute("name", name);
        model.addAttribute("email", email);
        if (name.isBlank()) {
            model.addAttribute("nameError", "operator.nameMissing");
        }
        if (!EMAIL.matcher(email.strip()).matches()) {
            model.addAttribute("emailError", "operator.emailInvalid");
        }
        if (name.isBlank() || !EMAIL.matcher(email.strip()).matches()) {
            response.setStatus(HttpStatus.UNPROCESSABLE_ENTITY.value());
            return page(model);
        }
        model.addAttribute("created", accounts.create(name, email));
        model.addAttribute("name", "");
        model.addAttribute("email", "");
        response.setStatus(HttpStatus.CREATED.value());
        return page(model);
    }

    @PostMapping("/operator/schools/{id}/disable")
    View disable(@PathVariable UUID id) {
        accounts.disable(id);
        return Pages.seeOther("/operator");
    }
}
