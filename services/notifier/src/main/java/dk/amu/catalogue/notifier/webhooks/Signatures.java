package dk.amu.catalogue.notifier.webhooks;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/** Standard Webhooks signing: {@code v1,} + base64 HMAC-SHA256 over {@code id.timestamp.body}, keyed by the secret's bytes. */
public final class Signatures {

    private static final String PREFIX = "whsec_";

    /** A Mac per thread: looking one up through the providers on every signature costs more than the HMAC itself. */
    private static final ThreadLocal<Mac> MACS = ThreadLocal.withInitial(() -> {
        try {
            return Mac.getInstance("HmacSHA256");
        }
        catch (GeneralSecurityException ex) {
            throw new IllegalStateException("every JDK has HmacSHA256", ex);
        }
    });

    private Signatures() {
    }

    /**
     * Space-separated, one per secret, so a receiver that knows either secret accepts it during a rotation.
     * {@code timestamp} is wall-clock seconds ({@link WebhookSender} stamps it), never catalogue time.
     */
    public static String header(List<String> secrets, String messageId, long timestamp, byte[] body) {
        return secrets.stream().map(secret -> sign(secret, messageId, timestamp, body)).collect(Collectors.joining(" "));
    }

    public static String sign(String secret, String messageId, long timestamp, byte[] body) {
        var key = Base64.getDecoder().decode(secret.startsWith(PREFIX) ? secret.substring(PREFIX.length()) : secret);
        try {
            var mac = MACS.get();
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            mac.update((messageId + "." + timestamp + ".").getBytes(StandardCharsets.UTF_8));
            return "v1," + Base64.getEncoder().encodeToString(mac.doFinal(body));
        }
        catch (GeneralSecurityException ex) {
            throw new IllegalStateException("every JDK has HmacSHA256", ex);
        }
    }

    /** The {@code webhook-id}: the same for every attempt of one notice to one subscription, the receiver's idempotency key. */
    public static String messageId(UUID subscription, String noticeId) {
        return "msg_" + UUID.nameUUIDFromBytes((subscription + "/" + noticeId).getBytes(StandardCharsets.UTF_8));
    }
}
