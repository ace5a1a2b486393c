package dev.roster.store;

import dev.roster.domain.Code;
import dev.roster.domain.DomainError;
import dev.roster.domain.ErrorIds;
import dev.roster.domain.Keyset;
import dev.roster.domain.Page;
import dev.roster.domain.Severity;
import dev.roster.domain.Study;
import dev.roster.domain.StudyFilter;
import dev.roster.domain.StudyView;
import dev.roster.domain.StudyViewerStatus;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.jdbi.v3.core.Handle;

/**
 * Viewer studies; every statement is scoped to one organization. Reads join the rows the study refers to (users,
 * their Viewer profiles, the API key, the customer) so references always show current names.
 */
public final class StudyStore {
    private static final String VIEW = """
            SELECT s.org_id, s.id, s.instance_uid, s.description, s.severity, s.viewer_status, s.cancelled_at,
                   s.assigned_to, s.express_customer_id, s.created_by_api_key_id, s.created_by_user_id, s.metadata,
                   s.created_at, s.updated_at, s.version,
                   a.email AS a_email, a.given_name AS a_given, a.family_name AS a_family,
                   av.middle_name AS a_middle, av.suffix1 AS a_suffix1, av.suffix2 AS a_suffix2,
                   u.email AS u_email, u.given_name AS u_given, u.family_name AS u_family,
                   uv.middle_name AS u_middle, uv.suffix1 AS u_suffix1, uv.suffix2 AS u_suffix2,
                   k.name AS k_name, c.name AS c_name
            FROM studies s
            LEFT JOIN users a ON a.org_id = s.org_id AND a.id = s.assigned_to AND a.state <> 'DELETED'
            LEFT JOIN viewer_profiles av ON av.org_id = s.org_id AND av.user_id = s.assigned_to
            LEFT JOIN users u ON u.org_id = s.org_id AND u.id = s.created_by_user_id AND u.state <> 'DELETED'
            LEFT JOIN viewer_profiles uv ON uv.org_id = s.org_id AND uv.user_id = s.created_by_user_id
            LEFT JOIN api_keys k ON k.org_id = s.org_id AND k.id = s.created_by_api_key_id
            LEFT JOIN express_customers c ON c.org_id = s.org_id AND c.id = s.express_customer_id
            WHERE s.org_id = :org""";

    /** Inserts a new study; a Study Instance UID already used in the organization is ALREADY_EXISTS. */
    public void insert(Handle h, Study s) {
        if (findByUid(h, s.organizationId(), s.instanceUid()).isPresent()) {
            throw duplicate();
        }
        try {
            h.createUpdate("""
                            INSERT INTO studies (org_id, id, instance_uid, description, description_lower, severity,
                                                 viewer_status, cancelled_at, assigned_to, express_customer_id,
                                                 created_by_api_key_id, created_by_user_id, metadata, created_at,
                                                 updated_at, version)
                            VALUES (:org, :id, :uid, :description, :descriptionLower, :severity, :status, :cancelledAt,
                                    :assignedTo, :customer, :apiKey, :user, :metadata, :createdAt, :updatedAt,
                                    :version)""")
                    .bindMap(columns(s))
                    .bind("uid", s.instanceUid())
                    .bind("customer", s.expressCustomerId())
                    .bind("apiKey", s.createdByApiKeyId())
                    .bind("user", s.createdByUserId())
                    .bind("createdAt", Times.millis(s.createdAt()))
                    .execute();
        } catch (org.jdbi.v3.core.statement.UnableToExecuteStatementException e) {
            // Two creates of one UID racing on PostgreSQL: the unique index decides, the loser gets the same 409.
            if (UniqueViolation.is(e)) {
                throw duplicate();
            }
            throw e;
        }
    }

    /** Writes the changed study if nobody changed it since it was read at {@code version - 1}. */
    public void update(Handle h, Study s) {
        int rows = h.createUpdate("""
                        UPDATE studies SET description = :description, description_lower = :descriptionLower,
                            severity = :severity, viewer_status = :status, cancelled_at = :cancelledAt,
                            assigned_to = :assignedTo, metadata = :metadata, updated_at = :updatedAt,
                            version = :version
                        WHERE org_id = :org AND id = :id AND version = :expected""")
                .bindMap(columns(s))
                .bind("expected", s.version() - 1)
                .execute();
        if (rows != 1) {
            throw new ConcurrentUpdateException("study " + s.id());
        }
    }

    public Optional<StudyView> find(Handle h, String orgId, String id) {
        return h.createQuery(VIEW + " AND s.id = :id")
                .bind("org", orgId)
                .bind("id", id)
                .map((rs, ctx) -> view(rs))
                .findOne();
    }

    /** Every study of the organization assigned to {@code userId}. */
    public List<Study> assignedTo(Handle h, String orgId, String userId) {
        return h.createQuery(VIEW + " AND s.assigned_to = :user")
                .bind("org", orgId)
                .bind("user", userId)
                .map((rs, ctx) -> view(rs).study())
                .list();
    }

    public Optional<StudyView> findByUid(Handle h, String orgId, String instanceUid) {
        return h.createQuery(VIEW + " AND s.instance_uid = :uid")
                .bind("org", orgId)
                .bind("uid", instanceUid)
                .map((rs, ctx) -> view(rs))
                .findOne();
    }

    /** Newest first by (created_at, id); {@code after} is the last item of the previous page. */
    public Page<StudyView> page(Handle h, String orgId, StudyFilter filter, Optional<Keyset> after, int limit) {
        Map<String, Object> parameters = new HashMap<>();
        StringBuilder sql = new StringBuilder(VIEW);
        reference(sql, parameters, "s.assigned_to", "assignedTo", filter.assignedTo());
        reference(sql, parameters, "s.express_customer_id", "customer", filter.expressCustomerId());
        if (filter.cancelled() != null) {
            sql.append(filter.cancelled() ? " AND s.cancelled_at IS NOT NULL" : " AND s.cancelled_at IS NULL");
        }
        if (filter.severity() != null) {
            sql.append(" AND s.severity = :severity");
            parameters.put("severity", filter.severity().name());
        }
        if (filter.viewerStatus() != null) {
            sql.append(" AND s.viewer_status = :status");
            parameters.put("status", filter.viewerStatus().name());
        }
        if (filter.descriptionLower() != null && !filter.descriptionLower().isEmpty()) {
            // REPLACE is case-sensitive on both engines and needs no escaping, unlike LIKE.
            sql.append(" AND LENGTH(REPLACE(s.description_lower, :contains, '')) < LENGTH(s.description_lower)");
            parameters.put("contains", filter.descriptionLower());
        }
        NewestFirst.page(sql, parameters, "s", after, limit);
        List<StudyView> rows = h.createQuery(sql.toString()).bind("org", orgId).bindMap(parameters)
                .map((rs, ctx) -> view(rs)).list();
        return Page.ofOverfetched(rows, limit, v -> v.study().position());
    }

    private static void reference(StringBuilder sql, Map<String, Object> parameters, String column, String name,
                                  StudyFilter.Reference condition) {
        switch (condition) {
            case StudyFilter.Reference.Any any -> {
            }
            case StudyFilter.Reference.None none -> sql.append(" AND ").append(column).append(" IS NULL");
            case StudyFilter.Reference.Is is -> {
                sql.append(" AND ").append(column).append(" = :").append(name);
                parameters.put(name, is.id());
            }
        }
    }

    private static Map<String, Object> columns(Study s) {
        Map<String, Object> p = new HashMap<>();
        p.put("org", s.organizationId());
        p.put("id", s.id());
        p.put("description", s.description());
        p.put("descriptionLower", s.description().toLowerCase(Locale.ROOT));
        p.put("severity", s.severity().name());
        p.put("status", s.viewerStatus().name());
        p.put("cancelledAt", Times.millisOrNull(s.cancelledAt()));
        p.put("assignedTo", s.assignedTo());
        p.put("metadata", JsonColumns.metadata(s.metadata()));
        p.put("updatedAt", Times.millis(s.updatedAt()));
        p.put("version", s.version());
        return p;
    }

    private static DomainError duplicate() {
        return new DomainError(Code.ALREADY_EXISTS, ErrorIds.STUDY_ALREADY_EXISTS,
                "A study with this studyInstanceUid already exists");
    }

    private static StudyView view(ResultSet rs) throws SQLException {
        Study study = new Study(
                rs.getString("org_id"),
                rs.getString("id"),
                rs.getString("instance_uid"),
                rs.getString("description"),
                Severity.valueOf(rs.getString("severity")),
                StudyViewerStatus.valueOf(rs.getString("viewer_status")),
                Times.instant(rs, "cancelled_at"),
                rs.getString("assigned_to"),
                rs.getString("express_customer_id"),
                rs.getString("created_by_api_key_id"),
                rs.getString("created_by_user_id"),
                JsonColumns.metadata(rs.getString("metadata")),
                Times.instant(rs, "created_at"),
                Times.instant(rs, "updated_at"),
                rs.getLong("version"));
        String keyName = rs.getString("k_name");
        String customerName = rs.getString("c_name");
        return new StudyView(study,
                user(rs, "a_", study.assignedTo()),
                keyName == null ? null : new StudyView.ApiKeyReference(study.createdByApiKeyId(), keyName),
                user(rs, "u_", study.createdByUserId()),
                customerName == null ? null : new StudyView.CustomerReference(study.expressCustomerId(), customerName));
    }

    private static StudyView.UserReference user(ResultSet rs, String prefix, String userId) throws SQLException {
        String email = rs.getString(prefix + "email");
        if (email == null) {
            return null;
        }
        return new StudyView.UserReference(userId, email, rs.getString(prefix + "given"),
                rs.getString(prefix + "family"), rs.getString(prefix + "middle"), rs.getString(prefix + "suffix1"),
                rs.getString(prefix + "suffix2"));
    }
}
