package dk.amu.catalogue.projections.web;

import java.net.URI;

import dk.amu.catalogue.admintoken.AdminOnlyFilter;
import dk.amu.catalogue.admintoken.AdminToken;
import dk.amu.catalogue.projections.system.ProjectionsProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Starting a rebuild needs the admin bearer token, and so does the dead letters' view; every other read is public. */
@Configuration(proxyBeanMethods = false)
@ConditionalOnWebApplication
class AdminAccess {

    private static final Logger log = LoggerFactory.getLogger(AdminAccess.class);

    @Bean
    AdminOnlyFilter adminOnly(ProjectionsProperties properties) {
        var token = AdminToken.of(properties.adminToken());
        if (!token.isConfigured()) {
            log.warn("No admin token is set (CATALOGUE_ADMIN_TOKEN): rebuilds and the dead letters' view are refused");
        }
        return new AdminOnlyFilter(token, URI.create(ProjectionProblems.TYPES + "unauthorized"), "rebuilds")
                .guardingReadsOf("/api/admin/dead-letters");
    }
}
