package dk.amu.catalogue.admintoken;

import java.io.IOException;
import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Set;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.web.filter.OncePerRequestFilter;
import tools.jackson.databind.json.JsonMapper;

/**
 * Every call under {@code /api/} that changes something needs the admin bearer token; reads
 * ({@code GET}, {@code HEAD}, {@code OPTIONS}) do not. A filter rather than an interceptor, so a
 * refused upload is refused before its body is parsed, and deny-by-default, so an endpoint added
 * later is covered without anyone remembering. A refusal is a 401 with a {@code Bearer} challenge
 * and problem details (RFC 9457) that say what to do.
 *
 * <p>{@link #guardingReadsOf} makes a filter that guards the reads of some paths as well (an operator's
 * view of what only the operator may see), and guards everything else as before.
 */
public class AdminOnlyFilter extends OncePerRequestFilter {

    private static final String BEARER = "Bearer ";

    private static final Set<String> READS = Set.of("GET", "HEAD", "OPTIONS");

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final AdminToken token;

    private final URI problemType;

    private final String disabled;

    private final List<String> guardedReads;

    /**
     * @param problemType the service's problem type for this refusal
     * @param guarded     what the token guards, plural, as in "uploads are disabled"
     */
    public AdminOnlyFilter(AdminToken token, URI problemType, String guarded) {
        this(token, problemType, guarded + " are disabled: the service has no admin token; set CATALOGUE_ADMIN_TOKEN and restart",
                List.of());
    }

    private AdminOnlyFilter(AdminToken token, URI problemType, String disabled, List<String> guardedReads) {
        this.token = token;
        this.problemType = problemType;
        this.disabled = disabled;
        this.guardedReads = List.copyOf(guardedReads);
    }

    /**
     * The same filter, guarding reads too under each of these paths (the path itself and everything
     * below it, segment by segment: {@code /api/admin/x} covers {@code /api/admin/x/1}, not {@code /api/admin/xy}).
     */
    public AdminOnlyFilter guardingReadsOf(String... paths) {
        var all = new ArrayList<>(guardedReads);
        for (var path : paths) {
            if (!path.startsWith("/api/") || path.endsWith("/")) {
                throw new IllegalArgumentException("a guarded path starts with /api/ and ends without '/': " + path);
            }
            all.add(path);
        }
        return new AdminOnlyFilter(token, problemType, disabled, all);
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        var uri = request.getRequestURI();
        return !uri.startsWith("/api/") || READS.contains(request.getMethod()) && !readGuarded(uri);
    }

    private boolean readGuarded(String uri) {
        return guardedReads.stream().anyMatch(path -> uri.equals(path) || uri.startsWith(path + "/"));
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
        var problem = new LinkedHashMap<String, Object>();
        problem.put("type", problemType.toString());
        problem.put("title", "Admin token required");
        problem.put("status", HttpServletResponse.SC_UNAUTHORIZED);
        problem.put("detail", !token.isConfigured() ? disabled
                : presented == null ? "send the admin token as 'Authorization: Bearer <token>'" : "the admin token is not valid");
        problem.put("instance", request.getRequestURI());
        response.setStatus(HttpServletResponse.SC_UNAUTHORIZED);
        response.setHeader(HttpHeaders.WWW_AUTHENTICATE, "Bearer");
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        response.setCharacterEncoding("UTF-8");
        JSON.writeValue(response.getOutputStream(), problem);
    }
}
