package dk.amu.catalogue.notifier.portal;

import dk.amu.catalogue.web.PageLanguages;
import org.springframework.context.annotation.Configuration;

/** The portal speaks Danish unless the reader asks for English, as the dashboard does. */
@Configuration(proxyBeanMethods = false)
class PortalConfiguration extends PageLanguages {

    PortalConfiguration() {
        super("portal/messages", "/api/**", "/actuator/**", "/feeds/**");
    }
}
