package dev.roster.domain;

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
