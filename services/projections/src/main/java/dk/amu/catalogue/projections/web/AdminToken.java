package dk.amu.catalogue.projections.web;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

import dk.amu.catalogue.projections.system.ProjectionsProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.stereotype.Component;

/** The admin bearer token, kept only as its SHA-256 and compared in constant time. */
@Component
@ConditionalOnWebApplication
class AdminToken {

    private static final Logger log = LoggerFactory.getLogger(AdminToken.class);

    private final byte[] hash;

    AdminToken(ProjectionsProperties properties) {
        var token = properties.adminToken();
        this.hash = token == null || token.isBlank() ? null : sha256(token.strip());
        if (hash == null) {
            log.warn("No admin token is set (CATALOGUE_ADMIN_TOKEN): rebuilds are refused");
        }
    }

    boolean isConfigured() {
        return hash != null;
    }

    boolean matches(String presented) {
        return hash != null && presented != null && MessageDigest.isEqual(hash, sha256(presented.strip()));
    }

    private static byte[] sha256(String text) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
        }
        catch (NoSuchAlgorithmException ex) {
            throw new IllegalStateException("every JDK has SHA-256", ex);
        }
    }
}
