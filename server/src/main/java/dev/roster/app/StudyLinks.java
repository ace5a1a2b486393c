package dev.roster.app;

import dev.roster.store.Database;
import dev.roster.store.InstanceSecretStore;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;

/**
 * Short-lived signed tokens that open one study on Roster's own study page (avara-v1.md §6.0 item 18). A token
 * names the organization, the study and its expiry, and carries an HMAC-SHA256 over them with a key made once per
 * installation and kept in the database (so every replica verifies every other's links). The key is never logged.
 */
public final class StudyLinks {
    public static final Duration LIFETIME = Duration.ofMinutes(5);
    static final String KEY_NAME = "study-link-signing-key";
    private static final String VERSION = "s1";
    private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder DECODER = Base64.getUrlDecoder();

    private final InstanceKey key;
    private final Clock clock;

    StudyLinks(Database db, InstanceSecretStore secrets, Clock clock) {
        this.key = new InstanceKey(db, secrets, KEY_NAME, clock);
        this.clock = clock;
    }

    /** What a valid token grants: this study of this organization, until {@code expiresAt}. */
    public record Grant(String organizationId, String studyId, Instant expiresAt) {
    }

    /** A token for the study, valid for {@link #LIFETIME} from now. */
    String issue(String organizationId, String studyId) {
        Instant expires = Clocks.now(clock).plus(LIFETIME);
        String claims = VERSION + "|" + organizationId + "|" + studyId + "|" + expires.toEpochMilli();
        byte[] claimBytes = claims.getBytes(StandardCharsets.UTF_8);
        return ENCODER.encodeToString(claimBytes) + "." + ENCODER.encodeToString(key.sign(claimBytes));
    }

    /** The grant of a token presented for {@code studyId}, if it is intact, for that study and not expired. */
    public Optional<Grant> verify(String token, String studyId) {
        return verify(token, studyId, clock.instant());
    }

    public Optional<Grant> verify(String token, String studyId, Instant now) {
        if (token == null || studyId == null) {
            return Optional.empty();
        }
        int dot = token.indexOf('.');
        if (dot < 0 || token.indexOf('.', dot + 1) >= 0) {
            return Optional.empty();
        }
        byte[] claimBytes;
        byte[] signature;
        try {
            claimBytes = DECODER.decode(token.substring(0, dot));
            signature = DECODER.decode(token.substring(dot + 1));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
        if (!key.signs(claimBytes, signature)) {
            return Optional.empty();
        }
        String[] parts = new String(claimBytes, StandardCharsets.UTF_8).split("\\|", -1);
        if (parts.length != 4 || !VERSION.equals(parts[0]) || !parts[2].equals(studyId)) {
            return Optional.empty();
        }
        Instant expires;
        try {
            expires = Instant.ofEpochMilli(Long.parseLong(parts[3]));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
        if (!now.isBefore(expires)) {
            return Optional.empty();
        }
        return Optional.of(new Grant(parts[1], parts[2], expires));
    }
}
