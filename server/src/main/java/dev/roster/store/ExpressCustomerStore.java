package dev.roster.store;

import dev.roster.domain.ExpressCustomer;
import dev.roster.domain.Keyset;
import dev.roster.domain.Page;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jdbi.v3.core.Handle;

/**
 * Express customers; every statement is scoped to one organization. Each statement that changes a customer makes
 * the {@link ExpressCustomerCache} forget it once its transaction commits, so no caller can omit it.
 */
public final class ExpressCustomerStore {
    private static final String COLUMNS = """
            org_id, id, name, is_active, user_count, metadata, created_at, updated_at,
            created_by_api_key_id, created_by_user_id, version""";
    private static final String FIND_MANY = "SELECT " + COLUMNS + " FROM express_customers"
            + " WHERE (org_id, id) IN (SELECT * FROM unnest(CAST(? AS text[]), CAST(? AS text[])))";

    private final ExpressCustomerCache cache;
    private final Dialect dialect;

    public ExpressCustomerStore(ExpressCustomerCache cache, Dialect dialect) {
        this.cache = cache;
        this.dialect = dialect;
    }

    public ExpressCustomerCache cache() {
        return cache;
    }

    public void insert(Handle h, ExpressCustomer c) {
        h.createUpdate("""
                        INSERT INTO express_customers (org_id, id, name, is_active, user_count, metadata, created_at,
                                                       updated_at, created_by_api_key_id, created_by_user_id, version)
                        VALUES (:org, :id, :name, :active, :userCount, :metadata, :createdAt, :updatedAt,
                                :createdByApiKeyId, :createdByUserId, :version)""")
                .bind("org", c.organizationId())
                .bind("id", c.id())
                .bind("name", c.name())
                .bind("active", c.active())
                .bind("userCount", c.userCount())
                .bind("metadata", JsonColumns.metadata(c.metadata()))
                .bind("createdAt", Times.millis(c.createdAt()))
                .bind("updatedAt", Times.millis(c.updatedAt()))
                .bind("createdByApiKeyId", c.createdByApiKeyId())
                .bind("createdByUserId", c.createdByUserId())
                .bind("version", c.version())
                .execute();
    }

    public Optional<ExpressCustomer> find(Handle h, String orgId, String id) {
        return select(h, orgId, id, "");
    }

    /**
     * {@link #find}, with the row locked until the transaction ends: for a write that depends on the customer being
     * active (a new link or study), so that a deactivate running alongside waits for it and counts what it added.
     */
    public Optional<ExpressCustomer> findForChange(Handle h, String orgId, String id) {
        return select(h, orgId, id, dialect.rowLock());
    }

    /** A customer's identity across organizations: the key of a batched lookup. */
    public record Key(String orgId, String id) {
    }

    /**
     * PostgreSQL: the customers for many keys in one statement, whatever their number (the keys travel as two arrays,
     * so the statement's text, and its server-side plan, is always the same). Plain JDBC on the lookup lane's own
     * connection: this is the hottest read, and Jdbi's work around each statement was close to a third of the lane's
     * CPU (bench/README.md, Batched reads on PostgreSQL).
     */
    public Map<Key, ExpressCustomer> findMany(Connection connection, List<Key> keys) throws SQLException {
        String[] orgs = new String[keys.size()];
        String[] ids = new String[keys.size()];
        for (int i = 0; i < orgs.length; i++) {
            orgs[i] = keys.get(i).orgId();
            ids[i] = keys.get(i).id();
        }
        Map<Key, ExpressCustomer> found = HashMap.newHashMap(keys.size());
        try (PreparedStatement find = connection.prepareStatement(FIND_MANY)) {
            find.setArray(1, connection.createArrayOf("text", orgs));
            find.setArray(2, connection.createArrayOf("text", ids));
            try (ResultSet rs = find.executeQuery()) {
                while (rs.next()) {
                    ExpressCustomer c = row(rs);
                    found.put(new Key(c.organizationId(), c.id()), c);
                }
            }
        }
        return found;
    }

    private Optional<ExpressCustomer> select(Handle h, String orgId, String id, String lock) {
        return h.createQuery("SELECT " + COLUMNS + " FROM express_customers WHERE org_id = :org AND id = :id" + lock)
                .bind("org", orgId)
                .bind("id", id)
                .map((rs, ctx) -> row(rs))
                .findOne();
    }

    /**
     * Writes the changed customer if nobody changed it since it was read at {@code version - 1}. The user count is
     * not written here: links change it atomically in place.
     */
    public void update(Handle h, ExpressCustomer c) {
        int rows = h.createUpdate("""
                        UPDATE express_customers
                        SET name = :name, is_active = :active, metadata = :metadata, updated_at = :updatedAt,
                            version = :version
                        WHERE org_id = :org AND id = :id AND version = :expected""")
                .bind("name", c.name())
                .bind("active", c.active())
                .bind("metadata", JsonColumns.metadata(c.metadata()))
                .bind("updatedAt", Times.millis(c.updatedAt()))
                .bind("version", c.version())
                .bind("org", c.organizationId())
                .bind("id", c.id())
                .bind("expected", c.version() - 1)
                .execute();
        if (rows != 1) {
            throw new ConcurrentUpdateException("express customer " + c.id());
        }
        forgetAtEnd(h, c.organizationId(), c.id());
    }

    private static final String SET_ACTIVE = """
            UPDATE express_customers
            SET is_active = ?, updated_at = ?, version = version + 1
            WHERE org_id = ? AND id = ? AND is_active <> ?""" + " RETURNING " + COLUMNS;

    /**
     * Sets {@code is_active} where it differs, as one statement: the customer as changed (new version, updated at
     * {@code now}), or empty when nothing changed because there is no such customer or it already is so. Plain JDBC
     * (see {@link DirectStatements}): this is the statement every lifecycle write makes.
     */
    public Optional<ExpressCustomer> setActive(Handle h, String orgId, String id, boolean active, Instant now) {
        Optional<ExpressCustomer> changed = DirectStatements.run(h, SET_ACTIVE, update -> {
            update.setBoolean(1, active);
            update.setLong(2, Times.millis(now));
            update.setString(3, orgId);
            update.setString(4, id);
            update.setBoolean(5, active);
            try (ResultSet rs = update.executeQuery()) {
                return rs.next() ? Optional.of(row(rs)) : Optional.empty();
            }
        });
        changed.ifPresent(c -> forgetAtEnd(h, orgId, id));
        return changed;
    }

    private void forgetAtEnd(Handle h, String orgId, String id) {
        if (cache.enabled()) {
            h.afterCommit(() -> cache.forget(orgId, id));
        }
    }

    /**
     * Links a user; false when the link already existed. The customer's user count and version move in place, in
     * the caller's transaction, so concurrent links and unlinks can never lose an update.
     */
    public boolean link(Handle h, String orgId, String customerId, String userId, Instant now) {
        int inserted = h.createUpdate("""
                        INSERT INTO express_customer_users (org_id, customer_id, user_id, linked_at)
                        VALUES (:org, :customer, :user, :now)
                        ON CONFLICT DO NOTHING""")
                .bind("org", orgId)
                .bind("customer", customerId)
                .bind("user", userId)
                .bind("now", Times.millis(now))
                .execute();
        if (inserted == 1) {
            countChange(h, orgId, customerId, +1, now);
        }
        return inserted == 1;
    }

    /** Removes a link; false when there was none. */
    public boolean unlink(Handle h, String orgId, String customerId, String userId, Instant now) {
        int deleted = h.createUpdate("""
                        DELETE FROM express_customer_users
                        WHERE org_id = :org AND customer_id = :customer AND user_id = :user""")
                .bind("org", orgId)
                .bind("customer", customerId)
                .bind("user", userId)
                .execute();
        if (deleted == 1) {
            countChange(h, orgId, customerId, -1, now);
        }
        return deleted == 1;
    }

    /** The customers a user is linked to. */
    public List<String> customersOf(Handle h, String orgId, String userId) {
        return h.createQuery("SELECT customer_id FROM express_customer_users WHERE org_id = :org AND user_id = :user"
                        + " ORDER BY customer_id")
                .bind("org", orgId)
                .bind("user", userId)
                .mapTo(String.class)
                .list();
    }

    /**
     * Newest first, by offset: {@code nameContains} (null: any) matched case-insensitively (ASCII letters on SQLite,
     * whose LOWER folds only those), {@code active} null for both states.
     */
    public Listed<ExpressCustomer> search(Handle h, String orgId, String nameContains, Boolean active, long offset,
                                          int limit) {
        StringBuilder scope = new StringBuilder(" FROM express_customers c WHERE c.org_id = :org");
        Map<String, Object> parameters = new HashMap<>();
        parameters.put("org", orgId);
        if (nameContains != null) {
            // REPLACE needs no escaping and is case-sensitive on both engines, unlike LIKE (see StudyStore).
            scope.append(" AND LENGTH(REPLACE(LOWER(c.name), :name, '')) < LENGTH(LOWER(c.name))");
            parameters.put("name", nameContains.toLowerCase(java.util.Locale.ROOT));
        }
        if (active != null) {
            scope.append(" AND c.is_active = :active");
            parameters.put("active", active);
        }
        return Listed.select(h, COLUMNS, scope.toString(), "c.created_at DESC, c.id DESC", parameters, offset, limit,
                (rs, ctx) -> row(rs));
    }

    private void countChange(Handle h, String orgId, String customerId, int delta, Instant now) {
        h.createUpdate("""
                        UPDATE express_customers
                        SET user_count = user_count + :delta, version = version + 1, updated_at = :now
                        WHERE org_id = :org AND id = :id""")
                .bind("delta", delta)
                .bind("now", Times.millis(now))
                .bind("org", orgId)
                .bind("id", customerId)
                .execute();
        forgetAtEnd(h, orgId, customerId);
    }

    /** Newest first by (created_at, id); {@code after} is the last item of the previous page. */
    public Page<ExpressCustomer> page(Handle h, String orgId, Optional<Keyset> after, int limit) {
        StringBuilder sql = new StringBuilder("SELECT " + COLUMNS + " FROM express_customers c WHERE c.org_id = :org");
        Map<String, Object> parameters = new HashMap<>();
        parameters.put("org", orgId);
        NewestFirst.page(sql, parameters, "c", after, limit);
        List<ExpressCustomer> rows = h.createQuery(sql.toString()).bindMap(parameters).map((rs, ctx) -> row(rs)).list();
        return Page.ofOverfetched(rows, limit, ExpressCustomer::position);
    }

    private static ExpressCustomer row(ResultSet rs) throws SQLException {
        return new ExpressCustomer(
                rs.getString("org_id"),
                rs.getString("id"),
                rs.getString("name"),
                rs.getBoolean("is_active"),
                rs.getLong("user_count"),
                JsonColumns.metadata(rs.getString("metadata")),
                Times.instant(rs, "created_at"),
                Times.instant(rs, "updated_at"),
                rs.getString("created_by_api_key_id"),
                rs.getString("created_by_user_id"),
                rs.getLong("version"));
    }
}
