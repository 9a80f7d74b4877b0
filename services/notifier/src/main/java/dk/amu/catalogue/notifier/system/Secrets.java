package dk.amu.catalogue.notifier.system;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;

/** Random keys, secrets and tokens, and the one-way hash a key is kept as. */
public final class Secrets {

    private static final SecureRandom RANDOM = new SecureRandom();

    private Secrets() {
    }

    /** A school's API key: shown once, stored only as {@link #sha256}. */
    public static String apiKey() {
        return "amuk_" + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes(32));
    }

    /** A Standard Webhooks secret: {@code whsec_} and base64 of 32 random bytes. */
    public static String webhookSecret() {
        return "whsec_" + Base64.getEncoder().encodeToString(bytes(32));
    }

    /** An unguessable path segment for a feed URL. */
    public static String feedToken() {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes(24));
    }

    /** An unguessable token for a browser: a portal session's cookie, or a form's CSRF token. */
    public static String browserToken() {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes(32));
    }

    public static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        }
        catch (NoSuchAlgorithmException ex) {
            throw new IllegalStateException("every JDK has SHA-256", ex);
        }
    }

    /** Constant-time comparison, so the time of a refusal tells nothing about the right value. */
    public static boolean equal(String a, String b) {
        return a != null && b != null
                && MessageDigest.isEqual(a.getBytes(StandardCharsets.UTF_8), b.getBytes(StandardCharsets.UTF_8));
    }

    private static byte[] bytes(int count) {
        var bytes = new byte[count];
        RANDOM.nextBytes(bytes);
        return bytes;
    }
}
