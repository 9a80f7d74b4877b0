package dk.amu.catalogue.ingest.web;

import java.net.URI;

import dk.amu.catalogue.admintoken.AdminOnlyFilter;
import dk.amu.catalogue.admintoken.AdminToken;
import dk.amu.catalogue.ingest.system.IngestProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Uploads need the admin bearer token; reading FKB status does not. */
@Configuration(proxyBeanMethods = false)
@ConditionalOnWebApplication
class AdminAccess {

    private static final Logger log = LoggerFactory.getLogger(AdminAccess.class);

    @Bean
    AdminOnlyFilter adminOnly(IngestProperties properties) {
        var token = AdminToken.of(properties.adminToken());
        if (!token.isConfigured()) {
            log.warn("No admin token is set (CATALOGUE_ADMIN_TOKEN): uploads are refused");
        }
        return new AdminOnlyFilter(token, URI.create(IngestProblems.TYPES + "unauthorized"), "uploads");
    }
}
