package dk.amu.catalogue.notifier.portal;

import dk.amu.catalogue.web.Languages;
import org.springframework.context.MessageSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/** The portal speaks Danish unless the reader asks for English, as the dashboard does ({@link Languages}). */
@Configuration(proxyBeanMethods = false)
class PortalConfiguration implements WebMvcConfigurer {

    @Bean
    LocaleResolver localeResolver() {
        return Languages.resolver();
    }

    @Bean
    MessageSource messageSource() {
        return Languages.messages("portal/messages");
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(Languages.switcher()).excludePathPatterns("/api/**", "/actuator/**", "/feeds/**");
    }
}
