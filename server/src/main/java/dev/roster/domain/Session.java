package dev.roster.domain;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;

/**
 * A login session. It knows which user it checked and when, and the hash of its token (the token itself is
 * returned once at creation). A terminated session is gone for every reader.
 */
public record Session(
        String organizationId,
        String id,
        String tokenHash,
        SessionUser user,
        Instant passwordVerifiedAt,
        Map<String, byte[]> metadata,
        UserAgent userAgent,
        Instant createdAt,
        Instant changedAt,
        Instant expiresAt,
        long version) {
    /**
     * The longest lifetime a session may be given, 10 years: the protobuf range goes to 10,000 years, and expiry
     * dates past year 9999 cannot be written as RFC 3339 timestamps in any answer.
     */
    public static final Duration MAX_LIFETIME = Duration.ofDays(3_650);

    /** A requested lifetime (null: none) must be positive and at most {@link #MAX_LIFETIME}. */
    public static void requireLifetime(Duration lifetime) {
        if (lifetime == null) {
            return;
        }
        if (!lifetime.isPositive()) {
            throw DomainError.invalidField("lifetime", "value must be greater than 0s");
        }
        if (lifetime.compareTo(MAX_LIFETIME) > 0) {
            throw DomainError.invalidField("lifetime", "value must be at most " + MAX_LIFETIME.toSeconds() + "s (10 years)");
        }
    }

    /** The session as its end leaves it: changed at {@code now}, one version on. */
    public Session ended(Instant now) {
        return new Session(organizationId, id, tokenHash, user, passwordVerifiedAt, metadata, userAgent, createdAt, now,
                expiresAt, version + 1);
    }

    /** The checked user as the session saw it at the check. */
    public record SessionUser(String id, String loginName, String displayName, String organizationId,
                              Instant verifiedAt) {
    }

    /** The client that created the session, as it described itself; every part is optional. */
    public record UserAgent(String fingerprintId, String ip, String description,
                            Map<String, java.util.List<String>> headers) {
        public static final UserAgent NONE = new UserAgent(null, null, null, Map.of());

        public boolean isEmpty() {
            return fingerprintId == null && ip == null && description == null && headers.isEmpty();
        }
    }
}
