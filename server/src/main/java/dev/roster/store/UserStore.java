package dev.roster.store;

import dev.roster.domain.Contact;
import dev.roster.domain.Gender;
import dev.roster.domain.Profile;
import dev.roster.domain.User;
import dev.roster.domain.UserFilter;
import dev.roster.domain.UserState;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Locale;
import java.util.Optional;
import org.jdbi.v3.core.Handle;

/** Users; every statement is scoped to one organization. Deleted rows are kept and only found by ID. */
public final class UserStore {
    private static final String COLUMNS = """
            org_id, id, username, given_name, family_name, nick_name, display_name, preferred_language, gender,
            email, email_verified, phone, phone_verified, state, password_hash, password_change_required,
            password_changed_at, failed_password_attempts, created_at, changed_at, version""";

    /**
     * On PostgreSQL two transactions can both see a username or ID as free and both write it; the loser hits the
     * unique index. That is a concurrent update: the unit of work runs again and then sees the winner's row.
     */
    public void insert(Handle h, User u) {
        uniqueGuarded(u, () -> insertRow(h, u));
    }

    private static void uniqueGuarded(User u, Runnable write) {
        UniqueViolation.raceLostAsConcurrentUpdate("user " + u.id() + " or its username", write);
    }

    private void insertRow(Handle h, User u) {
        h.createUpdate("INSERT INTO users (" + COLUMNS + ", username_lower) VALUES (:org, :id, :username, :givenName, "
                        + ":familyName, :nickName, :displayName, :language, :gender, :email, :emailVerified, :phone, "
                        + ":phoneVerified, :state, :passwordHash, :changeRequired, :passwordChangedAt, :failedAttempts, "
                        + ":createdAt, :changedAt, :version, :usernameLower)")
                .bindMap(UserColumns.of(u))
                .execute();
    }

    /** Writes the changed user if nobody changed it since it was read at {@code version - 1}. */
    public void update(Handle h, User u) {
        uniqueGuarded(u, () -> updateRow(h, u));
    }

    private void updateRow(Handle h, User u) {
        int rows = h.createUpdate("""
                        UPDATE users SET username = :username, username_lower = :usernameLower, given_name = :givenName,
                            family_name = :familyName, nick_name = :nickName, display_name = :displayName,
                            preferred_language = :language, gender = :gender, email = :email,
                            email_verified = :emailVerified, phone = :phone, phone_verified = :phoneVerified,
                            state = :state, password_hash = :passwordHash, password_change_required = :changeRequired,
                            password_changed_at = :passwordChangedAt, failed_password_attempts = :failedAttempts,
                            changed_at = :changedAt, version = :version
                        WHERE org_id = :org AND id = :id AND version = :expected""")
                .bindMap(UserColumns.of(u))
                .bind("expected", u.version() - 1)
                .execute();
        if (rows != 1) {
            throw new ConcurrentUpdateException("user " + u.id());
        }
    }

    private final Dialect dialect;

    public UserStore(Dialect dialect) {
        this.dialect = dialect;
    }

    /** Any user with this ID, deleted ones included (a deleted ID stays taken). */
    public Optional<User> find(Handle h, String orgId, String id) {
        return select(h, orgId, id, "");
    }

    /**
     * {@link #find}, with the row locked until the transaction ends: for a write whose rule reads the user's state
     * without changing the user (a login, a link, an assignment). A concurrent deactivate, lock or delete then waits
     * for that write and sees what it wrote, instead of both deciding on the state as it was.
     */
    public Optional<User> findForChange(Handle h, String orgId, String id) {
        return select(h, orgId, id, dialect.rowLock());
    }

    private Optional<User> select(Handle h, String orgId, String id, String lock) {
        return h.createQuery("SELECT " + COLUMNS + " FROM users WHERE org_id = :org AND id = :id" + lock)
                .bind("org", orgId)
                .bind("id", id)
                .map((rs, ctx) -> row(rs))
                .findOne();
    }

    /** The user who is not deleted and has this username, compared case-insensitively. */
    public Optional<User> findByUsername(Handle h, String orgId, String username) {
        return h.createQuery("SELECT " + COLUMNS + " FROM users WHERE org_id = :org AND username_lower = :name"
                        + " AND state <> 'DELETED'")
                .bind("org", orgId)
                .bind("name", lower(username))
                .map((rs, ctx) -> row(rs))
                .findOne();
    }

    /** The users linked to an Express customer, oldest link first, in one query. */
    public List<User> linkedTo(Handle h, String orgId, String customerId) {
        return h.createQuery("SELECT " + COLUMNS + " FROM users u JOIN ("
                        + "SELECT user_id, linked_at FROM express_customer_users WHERE org_id = :org AND customer_id = :id"
                        + ") l ON l.user_id = u.id WHERE u.org_id = :org ORDER BY l.linked_at, u.id")
                .bind("org", orgId)
                .bind("id", customerId)
                .map((rs, ctx) -> row(rs))
                .list();
    }

    /** One page of the users matching {@code filter}; the total counts every match. */
    public Listed<User> list(Handle h, String orgId, UserFilter filter, UserFilter.Sort sort, boolean asc, long offset,
                             int limit) {
        UserFilterSql where = UserFilterSql.of(filter);
        String scope = " FROM users WHERE org_id = :org AND state <> 'DELETED' AND (" + where.sql() + ")";
        String direction = asc ? " ASC" : " DESC";
        Map<String, Object> parameters = new HashMap<>(where.parameters());
        parameters.put("org", orgId);
        return Listed.select(h, COLUMNS, scope, orderColumn(sort) + direction + ", created_at" + direction + ", id"
                + direction, parameters, offset, limit, (rs, ctx) -> row(rs));
    }

    private static String orderColumn(UserFilter.Sort sort) {
        return switch (sort) {
            case CREATION_DATE, TYPE -> "created_at";
            case USERNAME -> "LOWER(username)";
            case GIVEN_NAME -> "LOWER(given_name)";
            case FAMILY_NAME -> "LOWER(family_name)";
            case NICK_NAME -> "LOWER(nick_name)";
            case DISPLAY_NAME -> "LOWER(display_name)";
            case EMAIL -> "LOWER(email)";
            case STATE -> "state";
        };
    }

    static String lower(String s) {
        return s.toLowerCase(Locale.ROOT);
    }

    private static User row(ResultSet rs) throws SQLException {
        Profile profile = new Profile(rs.getString("given_name"), rs.getString("family_name"),
                rs.getString("nick_name"), rs.getString("display_name"), rs.getString("preferred_language"),
                Gender.valueOf(rs.getString("gender")));
        return new User(
                rs.getString("org_id"),
                rs.getString("id"),
                rs.getString("username"),
                profile,
                new Contact(rs.getString("email"), rs.getBoolean("email_verified")),
                new Contact(rs.getString("phone"), rs.getBoolean("phone_verified")),
                UserState.valueOf(rs.getString("state")),
                rs.getString("password_hash"),
                rs.getBoolean("password_change_required"),
                Times.instant(rs, "password_changed_at"),
                rs.getInt("failed_password_attempts"),
                Times.instant(rs, "created_at"),
                Times.instant(rs, "changed_at"),
                rs.getLong("version"));
    }
}
