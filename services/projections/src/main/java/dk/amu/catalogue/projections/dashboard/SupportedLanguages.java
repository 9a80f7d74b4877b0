package dk.amu.catalogue.projections.dashboard;

import java.util.Set;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.i18n.LocaleChangeInterceptor;

/** Lets {@code ?lang=} switch only to the languages the dashboard has texts for: da and en. */
final class SupportedLanguages implements HandlerInterceptor {

    private static final Set<String> LANGUAGES = Set.of("da", "en");

    private final LocaleChangeInterceptor change;

    SupportedLanguages(LocaleChangeInterceptor change) {
        this.change = change;
    }

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) throws Exception {
        var lang = request.getParameter(change.getParamName());
        return lang == null || !LANGUAGES.contains(lang) || change.preHandle(request, response, handler);
    }
}
