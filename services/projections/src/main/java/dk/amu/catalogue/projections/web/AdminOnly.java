package dk.amu.catalogue.projections.web;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Set;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Every call under {@code /api/} that changes something (today: starting a rebuild) needs the
 * admin bearer token; reads do not. Deny-by-default, so an endpoint added later is covered
 * without anyone remembering.
 */
@Component
@ConditionalOnWebApplication
class AdminOnly extends OncePerRequestFilter {

    private static final String BEARER = "Bearer ";

    private static final Set<String> READS = Set.of("GET", "HEAD", "OPTIONS");

    private final AdminToken token;

    AdminOnly(AdminToken token) {
        this.token = token;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !request.getRequestURI().startsWith("/api/") || READS.contains(request.getMethod());
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        var header = request.getHeader(HttpHeaders.AUTHORIZATION);
        var presented = header != null && header.startsWith(BEARER) ? header.substring(BEARER.length()) : null;
        if (token.matches(presented)) {
            chain.doFilter(request, response);
            return;
        }
        var detail = !token.isConfigured()
                ? "rebuilds are disabled: the service has no admin token; set CATALOGUE_ADMIN_TOKEN and restart"
                : presented == null ? "send the admin token as 'Authorization: Bearer <token>'" : "the admin token is not valid";
        response.setStatus(HttpServletResponse.SC_UNAUTHORIZED);
        response.setHeader(HttpHeaders.WWW_AUTHENTICATE, "Bearer");
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        // every value here is a fixed text or the request path, escaped
        response.getWriter().write("{\"type\":\"" + ProjectionProblems.TYPES + "unauthorized\",\"title\":\"Admin token required\","
                + "\"status\":401,\"detail\":\"" + detail + "\",\"instance\":\"" + json(request.getRequestURI()) + "\"}");
    }

    private static String json(String text) {
        var escaped = new StringBuilder();
        for (char c : text.toCharArray()) {
            if (c == '"' || c == '\\') {
                escaped.append('\\').append(c);
            }
            else if (c < 0x20) {
                escaped.append(String.format("\\u%04x", (int) c));
            }
            else {
                escaped.append(c);
            }
        }
        return escaped.toString();
    }
}
