package dk.amu.catalogue.ingest.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpHeaders;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/** Document uploads change the catalogue, so they need the admin bearer token. */
@Component
@ConditionalOnWebApplication
class AdminOnly implements HandlerInterceptor, WebMvcConfigurer {

    private static final String BEARER = "Bearer ";

    private final AdminToken token;

    AdminOnly(AdminToken token) {
        this.token = token;
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(this).addPathPatterns("/api/fkbs/*/documents");
    }

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
        var header = request.getHeader(HttpHeaders.AUTHORIZATION);
        var presented = header != null && header.startsWith(BEARER) ? header.substring(BEARER.length()) : null;
        if (!token.matches(presented)) {
            throw new NotAuthorizedException(!token.isConfigured()
                    ? "uploads are disabled: the service has no admin token; set CATALOGUE_ADMIN_TOKEN and restart"
                    : presented == null ? "send the admin token as 'Authorization: Bearer <token>'"
                            : "the admin token is not valid");
        }
        return true;
    }

    static class NotAuthorizedException extends RuntimeException {

        NotAuthorizedException(String message) {
            super(message);
        }
    }
}
