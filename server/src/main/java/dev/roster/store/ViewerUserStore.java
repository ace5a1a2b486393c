package dev.roster.store;

import dev.roster.domain.ClinicRole;
import dev.roster.domain.InvitedSource;
import dev.roster.domain.Keyset;
import dev.roster.domain.Page;
import dev.roster.domain.User;
import dev.roster.domain.UserFilter;
import dev.roster.domain.UserLevel;
import dev.roster.domain.ViewerProfile;
import dev.roster.domain.ViewerUser;
import dev.roster.domain.ViewerUserFilter;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.jdbi.v3.core.Handle;

/**
 * The Viewer side of users: the profile rows next to {@code users}, and reads that put the two together. The user
 * itself is read through {@link UserStore}, so there is one mapping of a user row. The last login is the latest
 * password check of any of the user's sessions.
 */
public final class ViewerUserStore {
    private static final String PROFILE = """
            SELECT u.id, u.created_at, v.clinic_role, v.level, v.can_manage_studies, v.has_dashboard_access,
                   v.invited_source, v.middle_name, v.suffix1, v.suffix2,
                   (SELECT MAX(s.password_verified_at) FROM sessions s
                    WHERE s.org_id = u.org_id AND s.user_id = u.id) AS last_login_at
            FROM users u
            LEFT JOIN viewer_profiles v ON v.org_id = u.org_id AND v.user_id = u.id
            WHERE u.org_id = :org AND u.state <> 'DELETED'""";

    private final UserStore users;

    public ViewerUserStore(UserStore users) {
        this.users = users;
    }

    /**
     * Creates or replaces the profile of a user. The schema allows one owner per organization; naming a second one
     * while another is named runs the unit again, which then finds that owner.
     */
    public void put(Handle h, String orgId, String userId, ViewerProfile p) {
        UniqueViolation.raceLostAsConcurrentUpdate("the owner of " + orgId, () -> h.createUpdate("""
                        INSERT INTO viewer_profiles (org_id, user_id, clinic_role, level, can_manage_studies,
                                                     has_dashboard_access, invited_source, middle_name, suffix1, suffix2)
                        VALUES (:org, :user, :role, :level, :manage, :dashboard, :source, :middle, :suffix1, :suffix2)
                        ON CONFLICT (org_id, user_id) DO UPDATE SET clinic_role = :role, level = :level,
                            can_manage_studies = :manage, has_dashboard_access = :dashboard,
                            invited_source = :source, middle_name = :middle, suffix1 = :suffix1, suffix2 = :suffix2""")
                .bind("org", orgId)
                .bind("user", userId)
                .bind("role", p.clinicRole().name())
                .bind("level", p.level().name())
                .bind("manage", p.canManageStudies())
                .bind("dashboard", p.hasDashboardAccess())
                .bind("source", p.invitedSource().name())
                .bind("middle", p.middleName())
                .bind("suffix1", p.suffix1())
                .bind("suffix2", p.suffix2())
                .execute());
    }

    /** The user who is not deleted, with its Viewer profile. */
    public Optional<ViewerUser> find(Handle h, String orgId, String userId) {
        Optional<User> user = users.find(h, orgId, userId).filter(u -> u.state() != dev.roster.domain.UserState.DELETED);
        if (user.isEmpty()) {
            return Optional.empty();
        }
        Row row = h.createQuery(PROFILE + " AND u.id = :id")
                .bind("org", orgId)
                .bind("id", userId)
                .map((rs, ctx) -> row(rs))
                .one();
        return Optional.of(new ViewerUser(user.get(), row.profile(), row.lastLoginAt()));
    }

    /** The owner of the organization, if it has one who is not deleted. */
    public Optional<String> ownerOf(Handle h, String orgId) {
        return h.createQuery(PROFILE + " AND v.level = :owner")
                .bind("org", orgId)
                .bind("owner", UserLevel.OWNER.name())
                .map((rs, ctx) -> rs.getString("id"))
                .findFirst();
    }

    /** True when a user who is not deleted has this email address, compared ignoring case. */
    public boolean emailTaken(Handle h, String orgId, String email) {
        return h.createQuery("SELECT COUNT(*) FROM users WHERE org_id = :org AND state <> 'DELETED'"
                        + " AND LOWER(email) = LOWER(:email)")
                .bind("org", orgId)
                .bind("email", email)
                .mapTo(Long.class)
                .one() > 0;
    }

    /** Newest first by (created_at, id); {@code after} is the last item of the previous page. */
    public Page<ViewerUser> page(Handle h, String orgId, ViewerUserFilter filter, Optional<Keyset> after, int limit) {
        Map<String, Object> parameters = new HashMap<>();
        StringBuilder sql = new StringBuilder(PROFILE);
        if (filter.email() != null) {
            sql.append(" AND LOWER(u.email) = LOWER(:email)");
            parameters.put("email", filter.email());
        }
        contains(sql, parameters, "u.given_name", "first", filter.firstNameContains());
        contains(sql, parameters, "u.family_name", "last", filter.lastNameContains());
        if (filter.invitedSource() != null) {
            sql.append(" AND COALESCE(v.invited_source, :defaultSource) = :source");
            parameters.put("defaultSource", ViewerProfile.DEFAULT.invitedSource().name());
            parameters.put("source", filter.invitedSource().name());
        }
        if (filter.level() != null) {
            sql.append(" AND COALESCE(v.level, :defaultLevel) = :level");
            parameters.put("defaultLevel", ViewerProfile.DEFAULT.level().name());
            parameters.put("level", filter.level().name());
        }
        NewestFirst.page(sql, parameters, "u", after, limit);
        List<Row> rows = h.createQuery(sql.toString()).bind("org", orgId).bindMap(parameters)
                .map((rs, ctx) -> row(rs)).list();
        Page<Row> page = Page.ofOverfetched(rows, limit, r -> new Keyset(r.createdAtMillis(), r.userId()));
        Map<String, User> byId = users.list(h, orgId, new UserFilter.IdIn(page.items().stream().map(Row::userId).toList()),
                        UserFilter.Sort.CREATION_DATE, false, 0, limit).items().stream()
                .collect(Collectors.toMap(User::id, Function.identity()));
        List<ViewerUser> items = page.items().stream()
                .map(r -> new ViewerUser(byId.get(r.userId()), r.profile(), r.lastLoginAt()))
                .toList();
        return new Page<>(items, page.next());
    }

    /** Case-insensitive contains; REPLACE needs no escaping, unlike LIKE. */
    private static void contains(StringBuilder sql, Map<String, Object> parameters, String column, String name,
                                 String value) {
        if (value == null || value.isEmpty()) {
            return;
        }
        sql.append(" AND LENGTH(REPLACE(LOWER(").append(column).append("), LOWER(:").append(name)
                .append("), '')) < LENGTH(LOWER(").append(column).append("))");
        parameters.put(name, value);
    }

    private record Row(String userId, long createdAtMillis, ViewerProfile profile, Instant lastLoginAt) {
    }

    private static Row row(ResultSet rs) throws SQLException {
        String role = rs.getString("clinic_role");
        ViewerProfile profile = role == null ? ViewerProfile.DEFAULT : new ViewerProfile(
                ClinicRole.valueOf(role),
                UserLevel.valueOf(rs.getString("level")),
                rs.getBoolean("can_manage_studies"),
                rs.getBoolean("has_dashboard_access"),
                InvitedSource.valueOf(rs.getString("invited_source")),
                rs.getString("middle_name"),
                rs.getString("suffix1"),
                rs.getString("suffix2"));
        return new Row(rs.getString("id"), rs.getLong("created_at"), profile, Times.instant(rs, "last_login_at"));
    }
}
