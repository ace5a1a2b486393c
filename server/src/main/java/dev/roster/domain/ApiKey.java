package dev.roster.domain;

import java.time.Instant;

/**
 * An API key as stored: never the secret, only its SHA-256. An instance-admin key may also manage
 * organizations and their keys; any other key acts only inside its own organization.
 */
public record ApiKey(
        String id,
        String organizationId,
        String name,
        boolean instanceAdmin,
        Instant createdAt,
        Instant revokedAt) {
    public static final int MAX_NAME = 200;

    public boolean revoked() {
        return revokedAt != null;
    }
}
