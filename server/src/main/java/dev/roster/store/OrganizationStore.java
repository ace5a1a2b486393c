package dev.roster.store;

import dev.roster.domain.Organization;
import java.util.Optional;
import org.jdbi.v3.core.Handle;

public final class OrganizationStore {
    /** Replicas starting together on an empty database both insert the default organization; one of them runs again. */
    public void insert(Handle h, Organization org) {
        UniqueViolation.raceLostAsConcurrentUpdate("organization " + org.id(), () -> h.createUpdate("INSERT INTO organizations (id, name, created_at, version) VALUES (:id, :name, :createdAt, 1)")
                .bind("id", org.id())
                .bind("name", org.name())
                .bind("createdAt", Times.millis(org.createdAt()))
                .execute());
    }

    public Optional<Organization> find(Handle h, String id) {
        return h.createQuery("SELECT id, name, created_at FROM organizations WHERE id = :id")
                .bind("id", id)
                .map((rs, ctx) -> new Organization(rs.getString("id"), rs.getString("name"), Times.instant(rs, "created_at")))
                .findOne();
    }

    public boolean any(Handle h) {
        return h.createQuery("SELECT COUNT(*) FROM organizations").mapTo(Long.class).one() > 0;
    }
}
