package dev.roster.store;

import java.time.Instant;
import java.util.Optional;
import org.jdbi.v3.core.Handle;

/** Named secrets of this installation. The first writer wins, so replicas racing to create one agree on it. */
public final class InstanceSecretStore {
    public Optional<String> find(Handle h, String name) {
        return h.createQuery("SELECT value FROM instance_secrets WHERE name = :name")
                .bind("name", name)
                .mapTo(String.class)
                .findOne();
    }

    /** Stores {@code value} unless a secret of that name exists; returns the one stored. */
    public String putIfAbsent(Handle h, String name, String value, Instant now) {
        h.createUpdate("""
                        INSERT INTO instance_secrets (name, value, created_at) VALUES (:name, :value, :now)
                        ON CONFLICT DO NOTHING""")
                .bind("name", name)
                .bind("value", value)
                .bind("now", Times.millis(now))
                .execute();
        return find(h, name).orElseThrow();
    }
}
