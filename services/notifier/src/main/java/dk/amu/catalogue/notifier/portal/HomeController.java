package dk.amu.catalogue.notifier.portal;

import dk.amu.catalogue.notifier.schools.Caller;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** The portal's first page for a signed-in school: who it is signed in as, and the four steps to a working webhook. */
@Controller
class HomeController {

    @GetMapping("/")
    String home(Model model, HttpServletRequest request) {
        model.addAttribute("school", Caller.schoolOf(request));
        return "portal/home";
    }

    /** Open to all: how to verify a webhook needs no login, and a school's developer may read it first. */
    @GetMapping("/help")
    String help() {
        return "portal/help";
    }
}
