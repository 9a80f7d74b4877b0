package dk.amu.catalogue.projections.web;

import dk.amu.catalogue.admintoken.AdminOnlyFilter;
import dk.amu.catalogue.projections.system.ProjectionsProperties;
import dk.amu.catalogue.web.AdminOnly;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Starting a rebuild needs the admin bearer token, and so does the dead letters' view; every other read is public. */
@Configuration(proxyBeanMethods = false)
@ConditionalOnWebApplication
class AdminAccess {

    @Bean
    AdminOnlyFilter adminOnly(ProjectionsProperties properties) {
        return AdminOnly.filter(properties.adminToken(), "rebuilds and the dead letters' view")
                .guardingReadsOf("/api/admin/dead-letters");
    }
}
