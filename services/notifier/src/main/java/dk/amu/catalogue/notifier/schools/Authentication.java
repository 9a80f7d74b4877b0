package dk.amu.catalogue.notifier.schools;

import java.io.IOException;

import dk.amu.catalogue.admintoken.AdminToken;
import dk.amu.catalogue.notifier.system.NotifierProperties;
import dk.amu.catalogue.web.Problems;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;
import tools.jackson.databind.json.JsonMapper;

/**
 * Deny by default under {@code /api/}: {@code /api/schools} and {@code /api/admin/} need the admin token
 * (checked as every service checks it, by {@link AdminToken}), everything else a school's key, so an
 * endpoint added later is covered without anyone remembering. Neither token
 * is ever logged; a refusal says what to send, not what was sent.
 */
@Component
class Authentication extends OncePerRequestFilter {

    private static final Logger log = LoggerFactory.getLogger(Authentication.class);

    private static final String BEARER = "Bearer ";

    private final AdminToken adminToken;

    private final SchoolRepository schools;

    private final JsonMapper json;

    Authentication(NotifierProperties properties, SchoolRepository schools, JsonMapper json) {
        this.adminToken = AdminToken.of(properties.adminToken());
        this.schools = schools;
        this.json = json;
        if (!adminToken.isConfigured()) {
            log.warn("No admin token is set (CATALOGUE_ADMIN_TOKEN): no school can be created");
        }
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !request.getRequestURI().startsWith("/api/");
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        var header = request.getHeader(HttpHeaders.AUTHORIZATION);
        var presented = header != null && header.startsWith(BEARER) ? header.substring(BEARER.length()).strip() : null;
        var path = request.getRequestURI();
        boolean adminPath = path.equals("/api/schools") || path.startsWith("/api/schools/") || path.startsWith("/api/admin/");
        if (presented == null) {
            refuse(request, response, HttpStatus.UNAUTHORIZED, adminPath
                    ? "send the admin token as 'Authorization: Bearer <token>'"
                    : "send your school's API key as 'Authorization: Bearer <apiKey>'");
            return;
        }
        boolean admin = adminToken.matches(presented);
        if (adminPath) {
            if (admin) {
                chain.doFilter(request, response);
            }
            else if (schools.byKey(presented).isPresent()) {
                refuse(request, response, HttpStatus.FORBIDDEN, "this call needs the admin token, not a school's key");
            }
            else {
                refuse(request, response, HttpStatus.UNAUTHORIZED, !adminToken.isConfigured()
                        ? "schools cannot be managed: the service has no admin token; set CATALOGUE_ADMIN_TOKEN and restart"
                        : "the admin token is not valid");
            }
            return;
        }
        var school = schools.byKey(presented);
        if (school.isEmpty()) {
            refuse(request, response, admin ? HttpStatus.FORBIDDEN : HttpStatus.UNAUTHORIZED, admin
                    ? "this is a school's API; call it with the school's key, not the admin token"
                    : "the API key is not valid (it may have been rotated or revoked, or the school disabled); ask the catalogue's operator for a new one");
            return;
        }
        request.setAttribute(Caller.SCHOOL, school.get());
        chain.doFilter(request, response);
    }

    private void refuse(HttpServletRequest request, HttpServletResponse response, HttpStatus status, String detail)
            throws IOException {
        var problem = status == HttpStatus.FORBIDDEN ? Problems.of(status, "forbidden", "Not allowed", detail)
                : Problems.of(status, "unauthorized", "Authentication required", detail);
        problem.setInstance(java.net.URI.create(request.getRequestURI()));
        response.setStatus(status.value());
        if (status == HttpStatus.UNAUTHORIZED) {
            response.setHeader(HttpHeaders.WWW_AUTHENTICATE, "Bearer");
        }
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        response.setCharacterEncoding("UTF-8");
        json.writeValue(response.getOutputStream(), problem);
    }
}
