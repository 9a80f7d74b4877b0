package dk.amu.catalogue.web;

import dk.amu.catalogue.admintoken.AdminOnlyFilter;
import dk.amu.catalogue.admintoken.AdminToken;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The admin-token filter as every service sets it up: its refusals typed {@code unauthorized}, a missing token said once at start. */
public final class AdminOnly {

    private static final Logger log = LoggerFactory.getLogger(AdminOnly.class);

    private AdminOnly() {
    }

    /**
     * @param configured the service's configured token (CATALOGUE_ADMIN_TOKEN), possibly blank
     * @param guarded    what the token guards, plural, as in "uploads are refused"
     */
    public static AdminOnlyFilter filter(String configured, String guarded) {
        var token = AdminToken.of(configured);
        if (!token.isConfigured()) {
            log.warn("No admin token is set (CATALOGUE_ADMIN_TOKEN): {} are refused", guarded);
        }
        return new AdminOnlyFilter(token, Problems.type("unauthorized"), guarded);
    }
}
