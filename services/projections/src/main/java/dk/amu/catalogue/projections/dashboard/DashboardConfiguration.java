package dk.amu.catalogue.projections.dashboard;

import dk.amu.catalogue.web.PageLanguages;
import org.springframework.context.annotation.Configuration;

/** The dashboard speaks Danish unless the reader asks for English, as every page of the catalogue. */
@Configuration(proxyBeanMethods = false)
class DashboardConfiguration extends PageLanguages {

    DashboardConfiguration() {
        super("dashboard/messages", "/api/**", "/actuator/**");
    }
}
