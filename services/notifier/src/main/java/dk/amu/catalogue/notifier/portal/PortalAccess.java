package dk.amu.catalogue.notifier.portal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.Set;

import dk.amu.catalogue.notifier.portal.PortalSessions.Session;
import dk.amu.catalogue.notifier.schools.Caller;
import dk.amu.catalogue.notifier.schools.School;
import dk.amu.catalogue.notifier.schools.SchoolRepository;
import dk.amu.catalogue.notifier.system.Secrets;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Who may see which page of the portal. Deny by default: every path that is not the API, a feed, a
 * static file or one of the open pages (the logins and the help) needs a school's session, and the
 * operator's pages ({@code /operator}, {@code /mail}) need the operator's. A browser without one is
 * sent to the login. Every form that changes something carries the session's CSRF token (the login
 * forms: the login cookie's value), in the {@code _csrf} field or, from htmx, the
 * {@code X-CSRF-Token} header; a request without it changes nothing.
 */
@Component
class PortalAccess extends OncePerRequestFilter {

    enum Area { OUTSIDE, OPEN, SCHOOL, OPERATOR }

    static final String CSRF_FIELD = "_csrf";

    static final String CSRF_HEADER = "X-CSRF-Token";

    static final String SCHOOL_LOGIN = "/login";

    static final String OPERATOR_LOGIN = "/operator/login";

    private static final Set<String> SAFE_METHODS = Set.of("GET", "HEAD", "OPTIONS");

    private static final Set<String> OUTSIDE = Set.of("/api/", "/actuator", "/feeds/", "/v3/", "/swagger-ui", "/assets/",
            "/portal/", "/webjars/", "/error", "/favicon.ico");

    private final PortalSessions sessions;

    private final SchoolRepository schools;

    PortalAccess(PortalSessions sessions, SchoolRepository schools) {
        this.sessions = sessions;
        this.schools = schools;
    }

    static Area areaOf(String path) {
        if (OUTSIDE.stream().anyMatch(path::startsWith)) {
            return Area.OUTSIDE;
        }
        if (path.equals(SCHOOL_LOGIN) || path.equals(OPERATOR_LOGIN) || path.equals("/logout") || path.equals("/help")) {
            return Area.OPEN;
        }
        if (path.equals("/operator") || path.startsWith("/operator/") || path.equals("/mail") || path.startsWith("/mail/")) {
            return Area.OPERATOR;
        }
        return Area.SCHOOL;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return areaOf(request.getRequestURI()) == Area.OUTSIDE;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        var path = request.getRequestURI();
        var session = PortalCookies.read(request, PortalCookies.SESSION).flatMap(sessions::find);
        School school = null;
        if (session.isPresent() && session.get().school() != null) {
            school = schools.activeById(session.get().school()).orElse(null);
            if (school == null) {
                // the operator has disabled the school since it signed in
                session = Optional.empty();
            }
        }
        response.setHeader(HttpHeaders.CACHE_CONTROL, "no-store");
        response.setHeader("X-Frame-Options", "DENY");
        response.setHeader("Referrer-Policy", "same-origin");
        if (!SAFE_METHODS.contains(request.getMethod()) && !csrfHolds(request, session, path)) {
            refuseForm(response);
            return;
        }
        session.ifPresent(s -> PortalRequests.remember(request, s));
        if (school != null) {
            Caller.admit(request, school);
        }
        var area = areaOf(path);
        if (area == Area.SCHOOL && school == null) {
            toLogin(request, response, SCHOOL_LOGIN);
            return;
        }
        if (area == Area.OPERATOR && !path.equals(OPERATOR_LOGIN) && session.map(s -> !s.operator()).orElse(true)) {
            toLogin(request, response, OPERATOR_LOGIN);
            return;
        }
        chain.doFilter(request, response);
    }

    private static boolean csrfHolds(HttpServletRequest request, Optional<Session> session, String path) {
        var sent = Optional.ofNullable(request.getHeader(CSRF_HEADER)).orElseGet(() -> request.getParameter(CSRF_FIELD));
        if (session.isPresent() && Secrets.equal(sent, session.get().csrf())) {
            return true;
        }
        boolean login = path.equals(SCHOOL_LOGIN) || path.equals(OPERATOR_LOGIN);
        return login && Secrets.equal(sent, PortalCookies.read(request, PortalCookies.LOGIN).orElse(null));
    }

    /** htmx follows {@code HX-Redirect}; a browser the 303. */
    private static void toLogin(HttpServletRequest request, HttpServletResponse response, String login) {
        if (request.getHeader("HX-Request") != null) {
            response.setStatus(HttpStatus.UNAUTHORIZED.value());
            response.setHeader("HX-Redirect", login);
        }
        else {
            response.setStatus(HttpStatus.SEE_OTHER.value());
            response.setHeader(HttpHeaders.LOCATION, login);
        }
    }

    private static void refuseForm(HttpServletResponse response) throws IOException {
        response.setStatus(HttpStatus.FORBIDDEN.value());
        response.setContentType(MediaType.TEXT_HTML_VALUE);
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        response.getWriter().write("<!DOCTYPE html><html lang=\"da\"><head><meta charset=\"utf-8\"><title>Formularen er udløbet"
                + "</title></head><body><main><h1>Formularen er udløbet</h1><p>Intet er ændret. Gå tilbage, genindlæs siden "
                + "og prøv igen. Er I logget ud, så <a href=\"/login\">log ind</a> igen.</p></main></body></html>");
    }
}
