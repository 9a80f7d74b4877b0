package dk.amu.catalogue.projections.dashboard;

import java.time.Duration;
import java.util.Locale;

import org.springframework.context.MessageSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.support.ResourceBundleMessageSource;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.i18n.CookieLocaleResolver;
import org.springframework.web.servlet.i18n.LocaleChangeInterceptor;

/**
 * The dashboard speaks Danish unless the reader asks for English with {@code ?lang=en}; the
 * choice is kept in a cookie. The browser's Accept-Language is ignored on purpose: the catalogue
 * is Danish, and its readers expect Danish terms whatever their browser is set to.
 */
@Configuration(proxyBeanMethods = false)
class DashboardConfiguration implements WebMvcConfigurer {

    static final Locale DANISH = Locale.forLanguageTag("da");

    @Bean
    LocaleResolver localeResolver() {
        var resolver = new CookieLocaleResolver("catalogue-lang");
        resolver.setDefaultLocale(DANISH);
        resolver.setCookieMaxAge(Duration.ofDays(365));
        return resolver;
    }

    /**
     * Our own bundle name rather than Boot's {@code messages}: the standalone runs every service on
     * one classpath, and another service's pages may bring a {@code messages.properties} of their own.
     * No fall-back to the system locale, so a server running in English still shows Danish by default.
     */
    @Bean
    MessageSource messageSource() {
        var messages = new ResourceBundleMessageSource();
        messages.setBasename("dashboard/messages");
        messages.setDefaultEncoding("UTF-8");
        messages.setFallbackToSystemLocale(false);
        // every text is a MessageFormat pattern, with or without arguments: '' is an apostrophe everywhere
        messages.setAlwaysUseMessageFormat(true);
        return messages;
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        var change = new LocaleChangeInterceptor();
        change.setParamName("lang");
        change.setIgnoreInvalidLocale(true);
        registry.addInterceptor(new SupportedLanguages(change)).excludePathPatterns("/api/**", "/actuator/**");
    }
}
