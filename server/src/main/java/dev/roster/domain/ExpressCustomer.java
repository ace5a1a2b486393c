package dev.roster.domain;

import java.time.Instant;

/**
 * An Express customer: a named group inside an organization that gathers users and studies. While
 * inactive it takes no new studies or user assignments; its data is kept and stays editable.
 */
public record ExpressCustomer(
        String organizationId,
        String id,
        String name,
        boolean active,
        long userCount,
        Metadata metadata,
        Instant createdAt,
        Instant updatedAt,
        String createdByApiKeyId,
        String createdByUserId,
        long version) {

    public static final int MAX_NAME = 255;

    public static String validName(String field, String name) {
        return Text.requireTrimmed(field, name, MAX_NAME);
    }

    public ExpressCustomer withDetails(String newName, Metadata newMetadata, Instant now) {
        return new ExpressCustomer(organizationId, id, newName, active, userCount, newMetadata, createdAt, now,
                createdByApiKeyId, createdByUserId, version + 1);
    }

    public Keyset position() {
        return new Keyset(createdAt.toEpochMilli(), id);
    }
}
