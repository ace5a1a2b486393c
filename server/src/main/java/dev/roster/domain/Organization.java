package dev.roster.domain;

import java.time.Instant;

/** A tenant: every key, user, customer and study belongs to exactly one. */
public record Organization(String id, String name, Instant createdAt) {
    public static final int MAX_NAME = 200;
}
