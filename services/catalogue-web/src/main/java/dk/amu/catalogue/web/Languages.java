package dk.amu.catalogue.web;

import java.time.Duration;
import java.util.Locale;
import java.util.Set;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.context.MessageSource;
import org.springframework.context.support.ResourceBundleMessageSource;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.servlet.i18n.CookieLocaleResolver;
import org.springframework.web.servlet.i18n.LocaleChangeInterceptor;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * How the catalogue's pages (the dashboard and the schools' portal) choose their language: Danish
 * unless the reader asks for English with {@code ?lang=en}, the choice kept in a cookie both share.
 * The browser's Accept-Language is ignored on purpose: the catalogue is Danish, and its readers
 * expect Danish terms whatever their browser is set to.
 */
public final class Languages {

    public static final Locale DANISH = Locale.forLanguageTag("da");

    private static final Set<String> SUPPORTED = Set.of("da", "en");

    private static final String PARAMETER = "lang";

    private Languages() {
    }

    public static LocaleResolver resolver() {
        var resolver = new CookieLocaleResolver("catalogue-lang");
        resolver.setDefaultLocale(DANISH);
        resolver.setCookieMaxAge(Duration.ofDays(365));
        return resolver;
    }

    /**
     * A bundle of the pages' own name rather than Boot's {@code messages}: the standalone runs every
     * service on one classpath, and another service's pages bring a bundle of their own. No fall-back
     * to the system locale, so a server running in English still shows Danish by default; every
     * text is a MessageFormat pattern, with or without arguments, so '' is an apostrophe everywhere.
     */
    public static MessageSource messages(String basename) {
        var messages = new ResourceBundleMessageSource();
        messages.setBasename(basename);
        messages.setDefaultEncoding("UTF-8");
        messages.setFallbackToSystemLocale(false);
        messages.setAlwaysUseMessageFormat(true);
        return messages;
    }

    /** Switches on {@code ?lang=} to the languages the pages have texts for, da and en, and ignores any other. */
    public static HandlerInterceptor switcher() {
        var change = new LocaleChangeInterceptor();
        change.setParamName(PARAMETER);
        change.setIgnoreInvalidLocale(true);
        return new HandlerInterceptor() {
            @Override
            public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler)
                    throws Exception {
                var lang = request.getParameter(PARAMETER);
                return lang == null || !SUPPORTED.contains(lang) || change.preHandle(request, response, handler);
            }
        };
    }

    /** A relative URL to the current page in another language: the same path and query, with {@code lang} set. */
    public static String thisPageIn(String language) {
        var uri = ServletUriComponentsBuilder.fromCurrentRequest().replaceQueryParam(PARAMETER, language).build();
        return uri.getPath() + "?" + uri.getQuery();
    }
}
