package dk.amu.catalogue.admintoken;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * A service's admin bearer token, kept only as its SHA-256 and compared in constant time. A blank
 * or missing token configures nothing: every admin call is then refused.
 */
public final class AdminToken {

    private final byte[] hash;

    private AdminToken(byte[] hash) {
        this.hash = hash;
    }

    /** The token as configured (say from {@code CATALOGUE_ADMIN_TOKEN}); surrounding blanks are ignored. */
    public static AdminToken of(String configured) {
        return new AdminToken(configured == null || configured.isBlank() ? null : sha256(configured.strip()));
    }

    public boolean isConfigured() {
        return hash != null;
    }

    public boolean matches(String presented) {
        return hash != null && presented != null && MessageDigest.isEqual(hash, sha256(presented.strip()));
    }

    @Override
    public String toString() {
        return isConfigured() ? "AdminToken[set]" : "AdminToken[not set]";
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
