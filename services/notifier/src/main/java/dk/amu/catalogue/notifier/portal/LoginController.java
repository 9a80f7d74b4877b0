package dk.amu.catalogue.notifier.portal;

import java.time.Duration;

import dk.amu.catalogue.admintoken.AdminToken;
import dk.amu.catalogue.notifier.schools.SchoolRepository;
import dk.amu.catalogue.notifier.system.NotifierProperties;
import dk.amu.catalogue.notifier.system.Secrets;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.View;

/**
 * Signing in and out. A school signs in with its key, the operator with the admin token; either is
 * typed into a password field and posted, never put in a URL or anywhere a script can read it, and
 * is checked as the API checks it. Each sign-in starts a new session (a new cookie), so a token set
 * before it is worth nothing after it.
 */
@Controller
class LoginController {

    private static final Duration LOGIN_FORM_LIFETIME = Duration.ofHours(1);

    private final PortalSessions sessions;

    private final SchoolRepository schools;

    private final AdminToken adminToken;

    LoginController(PortalSessions sessions, SchoolRepository schools, NotifierProperties properties) {
        this.sessions = sessions;
        this.schools = schools;
        this.adminToken = AdminToken.of(properties.adminToken());
    }

    @GetMapping(PortalAccess.SCHOOL_LOGIN)
    Object schoolForm(Model model, HttpServletRequest request, HttpServletResponse response) {
        if (PortalRequests.session(request).map(s -> s.school() != null).orElse(false)) {
            return Pages.seeOther("/");
        }
        return form(model, request, response, false, null, HttpStatus.OK);
    }

    @PostMapping(PortalAccess.SCHOOL_LOGIN)
    Object schoolLogin(@RequestParam(defaultValue = "") String apiKey, Model model, HttpServletRequest request,
            HttpServletResponse response) {
        if (apiKey.isBlank()) {
            return form(model, request, response, false, "login.keyMissing", HttpStatus.UNPROCESSABLE_ENTITY);
        }
        var school = schools.byKey(apiKey.strip());
        if (school.isEmpty()) {
            return form(model, request, response, false, "login.keyInvalid", HttpStatus.UNAUTHORIZED);
        }
        return signIn(request, response, sessions.startForSchool(school.get().id()), "/");
    }

    @GetMapping(PortalAccess.OPERATOR_LOGIN)
    String operatorForm(Model model, HttpServletRequest request, HttpServletResponse response) {
        return form(model, request, response, true, null, HttpStatus.OK);
    }

    @PostMapping(PortalAccess.OPERATOR_LOGIN)
    Object operatorLogin(@RequestParam(defaultValue = "") String token, Model model, HttpServletRequest request,
            HttpServletResponse response) {
        if (!adminToken.isConfigured()) {
            return form(model, request, response, true, "login.noAdminToken", HttpStatus.SERVICE_UNAVAILABLE);
        }
        if (token.isBlank()) {
            return form(model, request, response, true, "login.tokenMissing", HttpStatus.UNPROCESSABLE_ENTITY);
        }
        if (!adminToken.matches(token.strip())) {
            return form(model, request, response, true, "login.tokenInvalid", HttpStatus.UNAUTHORIZED);
        }
        return signIn(request, response, sessions.startForOperator(), "/operator");
    }

    @PostMapping("/logout")
    View logout(HttpServletRequest request, HttpServletResponse response) {
        boolean operator = PortalRequests.session(request).map(PortalSessions.Session::operator).orElse(false);
        PortalCookies.read(request, PortalCookies.SESSION).ifPresent(sessions::end);
        PortalCookies.clear(request, response, PortalCookies.SESSION);
        return Pages.seeOther(operator ? PortalAccess.OPERATOR_LOGIN : PortalAccess.SCHOOL_LOGIN);
    }

    private View signIn(HttpServletRequest request, HttpServletResponse response, PortalSessions.Started started,
            String home) {
        PortalCookies.read(request, PortalCookies.SESSION).ifPresent(sessions::end);
        PortalCookies.write(request, response, PortalCookies.SESSION, started.token(), PortalSessions.LIFETIME);
        PortalCookies.clear(request, response, PortalCookies.LOGIN);
        return Pages.seeOther(home);
    }

    /** The form with a new login token, in the cookie and in the form's hidden field alike. */
    private String form(Model model, HttpServletRequest request, HttpServletResponse response, boolean operator,
            String error, HttpStatus status) {
        var token = Secrets.browserToken();
        PortalCookies.write(request, response, PortalCookies.LOGIN, token, LOGIN_FORM_LIFETIME);
        response.setStatus(status.value());
        model.addAttribute("csrf", token);
        model.addAttribute("operatorLogin", operator);
        model.addAttribute("error", error);
        return "portal/login";
    }
}
