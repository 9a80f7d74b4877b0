package dk.amu.catalogue.projections.dashboard;

import dk.amu.catalogue.web.Languages;
import org.springframework.context.MessageSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/** The dashboard speaks Danish unless the reader asks for English, as every page of the catalogue ({@link Languages}). */
@Configuration(proxyBeanMethods = false)
class DashboardConfiguration implements WebMvcConfigurer {

    @Bean
    LocaleResolver localeResolver() {
        return Languages.resolver();
    }

    @Bean
    MessageSource messageSource() {
        return Languages.messages("dashboard/messages");
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(Languages.switcher()).excludePathPatterns("/api/**", "/actuator/**");
    }
}
