package dk.amu.catalogue.web;

import org.springframework.context.MessageSource;
import org.springframework.context.annotation.Bean;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * A service's pages in Danish unless the reader asks for English ({@link Languages}): the locale, the pages'
 * own bundle of texts and the {@code ?lang=} switch on every path but the service's machine-read ones. A
 * service's page configuration extends it with its bundle and those paths.
 */
public abstract class PageLanguages implements WebMvcConfigurer {

    private final String messages;

    private final String[] notPages;

    /**
     * @param messages the bundle of the pages' texts, such as {@code dashboard/messages}
     * @param notPages the path patterns that are no pages (APIs, feeds): the switch leaves them alone
     */
    protected PageLanguages(String messages, String... notPages) {
        this.messages = messages;
        this.notPages = notPages.clone();
    }

    @Bean
    public LocaleResolver localeResolver() {
        return Languages.resolver();
    }

    @Bean
    public MessageSource messageSource() {
        return Languages.messages(messages);
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(Languages.switcher()).excludePathPatterns(notPages);
    }
}
