package dev.roster.domain;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.List;
import java.util.StringJoiner;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Standard Webhooks signing (avara-v1.md §5.3): secrets are {@code whsec_} + standard Base64 of random bytes, and a
 * signature is {@code v1,} + Base64 of HMAC-SHA256 over {@code id.timestamp.body} with the decoded secret.
 */
public final class WebhookSigning {
    public static final String SECRET_PREFIX = "whsec_";
    /** Standard Webhooks recommends 24 to 64 bytes. */
    private static final int SECRET_BYTES = 32;
    private static final SecureRandom RANDOM = new SecureRandom();

    private WebhookSigning() {
    }

    public static String newSecret() {
        byte[] key = new byte[SECRET_BYTES];
        RANDOM.nextBytes(key);
        return SECRET_PREFIX + Base64.getEncoder().encodeToString(key);
    }

    /** The {@code webhook-signature} header: one {@code v1,…} entry per secret, space-separated. */
    public static String header(List<String> secrets, String messageId, long timestampSeconds, byte[] body) {
        StringJoiner entries = new StringJoiner(" ");
        for (String secret : secrets) {
            entries.add("v1," + sign(secret, messageId, timestampSeconds, body));
        }
        return entries.toString();
    }

    static String sign(String secret, String messageId, long timestampSeconds, byte[] body) {
        byte[] key = Base64.getDecoder().decode(secret.substring(SECRET_PREFIX.length()));
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            mac.update((messageId + "." + timestampSeconds + ".").getBytes(StandardCharsets.UTF_8));
            return Base64.getEncoder().encodeToString(mac.doFinal(body));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
        }
    }
}
