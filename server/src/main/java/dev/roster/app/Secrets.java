package dev.roster.app;

import dev.roster.domain.Ids;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** API key secrets: generated once, shown once, stored and compared only as SHA-256. */
public final class Secrets {
    public static final String API_KEY_PREFIX = "sk_live_";

    private static final java.security.SecureRandom RANDOM = new java.security.SecureRandom();
    /**
     * Copied for each hash: every authenticated request hashes its key, and looking the algorithm up among the
     * providers each time cost more than the hash.
     */
    private static final MessageDigest SHA_256 = sha256Digest();

    private Secrets() {
    }

    public static String newApiKey() {
        return API_KEY_PREFIX + Ids.randomHex(16);
    }

    /** Keys are 128-bit random, so a fast unsalted hash is enough: there is nothing to brute-force. */
    public static String sha256(String secret) {
        MessageDigest digest;
        try {
            digest = (MessageDigest) SHA_256.clone();
        } catch (CloneNotSupportedException e) {
            digest = sha256Digest();
        }
        return HexFormat.of().formatHex(digest.digest(secret.getBytes(StandardCharsets.UTF_8)));
    }

    private static MessageDigest sha256Digest() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }

    /** A session token: 256 random bits, URL-safe. Like API keys, stored only as SHA-256. */
    public static String newSessionToken() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return java.util.Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
