package dev.roster.domain;

/** A position in a newest-first list: everything strictly older than (createdAt, id) comes next. */
public record Keyset(long createdAtMillis, String id) {
}
