package dk.amu.catalogue.ingest.web;

import dk.amu.catalogue.admintoken.AdminOnlyFilter;
import dk.amu.catalogue.ingest.system.IngestProperties;
import dk.amu.catalogue.web.AdminOnly;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Uploads need the admin bearer token; reading FKB status does not. */
@Configuration(proxyBeanMethods = false)
@ConditionalOnWebApplication
class AdminAccess {

    @Bean
    AdminOnlyFilter adminOnly(IngestProperties properties) {
        return AdminOnly.filter(properties.adminToken(), "uploads");
    }
}
