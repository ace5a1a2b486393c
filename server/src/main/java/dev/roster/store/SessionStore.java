package dev.roster.store;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.roster.domain.Session;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Base64;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jdbi.v3.core.Handle;

/** Login sessions; every statement is scoped to one organization and sees only sessions not terminated. */
public final class SessionStore {
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final String COLUMNS = """
            org_id, id, token_sha256, user_id, user_login_name, user_display_name, user_org_id, user_verified_at,
            password_verified_at, metadata, user_agent, created_at, changed_at, expires_at, version""";

    public void insert(Handle h, Session s) {
        Session.SessionUser u = s.user();
        h.createUpdate("INSERT INTO sessions (" + COLUMNS + ") VALUES (:org, :id, :token, :userId, :loginName, "
                        + ":displayName, :userOrg, :userVerifiedAt, :passwordVerifiedAt, :metadata, :userAgent, "
                        + ":createdAt, :changedAt, :expiresAt, :version)")
                .bind("org", s.organizationId())
                .bind("id", s.id())
                .bind("token", s.tokenHash())
                .bind("userId", u == null ? null : u.id())
                .bind("loginName", u == null ? null : u.loginName())
                .bind("displayName", u == null ? null : u.displayName())
                .bind("userOrg", u == null ? null : u.organizationId())
                .bind("userVerifiedAt", u == null ? null : Times.millis(u.verifiedAt()))
                .bind("passwordVerifiedAt", Times.millisOrNull(s.passwordVerifiedAt()))
                .bind("metadata", writeMetadata(s.metadata()))
                .bind("userAgent", writeUserAgent(s.userAgent()))
                .bind("createdAt", Times.millis(s.createdAt()))
                .bind("changedAt", Times.millis(s.changedAt()))
                .bind("expiresAt", Times.millisOrNull(s.expiresAt()))
                .bind("version", s.version())
                .execute();
    }

    public Optional<Session> find(Handle h, String orgId, String id) {
        return h.createQuery("SELECT " + COLUMNS + " FROM sessions WHERE org_id = :org AND id = :id"
                        + " AND terminated_at IS NULL")
                .bind("org", orgId)
                .bind("id", id)
                .map((rs, ctx) -> row(rs))
                .findOne();
    }

    /** The version of a session of this organization that was already terminated; empty for any other id. */
    public Optional<Long> endedVersion(Handle h, String orgId, String id) {
        return h.createQuery("SELECT version FROM sessions WHERE org_id = :org AND id = :id"
                        + " AND terminated_at IS NOT NULL")
                .bind("org", orgId)
                .bind("id", id)
                .mapTo(Long.class)
                .findOne();
    }

    /** Ends one live session; false when there was none. */
    public boolean terminate(Handle h, String orgId, String id, Instant now) {
        return h.createUpdate("UPDATE sessions SET terminated_at = :now, changed_at = :now, version = version + 1"
                        + " WHERE org_id = :org AND id = :id AND terminated_at IS NULL")
                .bind("now", Times.millis(now))
                .bind("org", orgId)
                .bind("id", id)
                .execute() == 1;
    }

    /** The live sessions of a user, so each can be ended and recorded. */
    public List<Session> liveOfUser(Handle h, String orgId, String userId) {
        return h.createQuery("SELECT " + COLUMNS + " FROM sessions WHERE org_id = :org AND user_id = :user"
                        + " AND terminated_at IS NULL")
                .bind("org", orgId)
                .bind("user", userId)
                .map((rs, ctx) -> row(rs))
                .list();
    }

    /** A page of live sessions matching {@code where}, ordered by creation date (then ID). */
    public Listed<Session> list(Handle h, String orgId, SessionFilterSql where, boolean asc, long offset, int limit) {
        String scope = " FROM sessions WHERE org_id = :org AND terminated_at IS NULL AND (" + where.sql() + ")";
        String direction = asc ? " ASC" : " DESC";
        Map<String, Object> parameters = new HashMap<>(where.parameters());
        parameters.put("org", orgId);
        return Listed.select(h, COLUMNS, scope, "created_at" + direction + ", id" + direction, parameters, offset,
                limit, (rs, ctx) -> row(rs));
    }

    private static String writeMetadata(Map<String, byte[]> metadata) {
        Map<String, String> encoded = new LinkedHashMap<>();
        metadata.forEach((k, v) -> encoded.put(k, Base64.getEncoder().encodeToString(v)));
        return JsonColumns.write(encoded);
    }

    private static Map<String, byte[]> readMetadata(String column) throws SQLException {
        try {
            Map<String, String> encoded = MAPPER.readValue(column, new TypeReference<LinkedHashMap<String, String>>() {
            });
            Map<String, byte[]> decoded = new LinkedHashMap<>();
            encoded.forEach((k, v) -> decoded.put(k, Base64.getDecoder().decode(v)));
            return decoded;
        } catch (JsonProcessingException e) {
            throw new SQLException("stored session metadata is not a JSON object", e);
        }
    }

    private static String writeUserAgent(Session.UserAgent agent) {
        if (agent.isEmpty()) {
            return null;
        }
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("fingerprintId", agent.fingerprintId());
        fields.put("ip", agent.ip());
        fields.put("description", agent.description());
        fields.put("headers", agent.headers());
        return JsonColumns.write(fields);
    }

    private static Session.UserAgent readUserAgent(String column) throws SQLException {
        if (column == null) {
            return Session.UserAgent.NONE;
        }
        try {
            JsonNode node = MAPPER.readTree(column);
            Map<String, List<String>> headers = MAPPER.convertValue(node.path("headers"),
                    new TypeReference<LinkedHashMap<String, List<String>>>() {
                    });
            return new Session.UserAgent(text(node, "fingerprintId"), text(node, "ip"), text(node, "description"),
                    headers == null ? Map.of() : headers);
        } catch (JsonProcessingException e) {
            throw new SQLException("stored user agent is not valid JSON", e);
        }
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() ? null : value.asText();
    }

    private static Session row(ResultSet rs) throws SQLException {
        String userId = rs.getString("user_id");
        Session.SessionUser user = userId == null ? null : new Session.SessionUser(userId,
                rs.getString("user_login_name"), rs.getString("user_display_name"), rs.getString("user_org_id"),
                Times.instant(rs, "user_verified_at"));
        return new Session(
                rs.getString("org_id"),
                rs.getString("id"),
                rs.getString("token_sha256"),
                user,
                Times.instant(rs, "password_verified_at"),
                readMetadata(rs.getString("metadata")),
                readUserAgent(rs.getString("user_agent")),
                Times.instant(rs, "created_at"),
                Times.instant(rs, "changed_at"),
                Times.instant(rs, "expires_at"),
                rs.getLong("version"));
    }
}
