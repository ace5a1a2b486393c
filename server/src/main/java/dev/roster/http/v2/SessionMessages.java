package dev.roster.http.v2;

import com.google.protobuf.ByteString;
import dev.roster.app.Sessions;
import dev.roster.domain.Code;
import dev.roster.domain.DomainError;
import dev.roster.domain.ErrorIds;
import dev.roster.domain.QueryLimits;
import dev.roster.domain.Session;
import dev.roster.domain.SessionFilter;
import dev.roster.proto.zitadel.session.v2.Checks;
import dev.roster.proto.zitadel.session.v2.CreateSessionRequest;
import dev.roster.proto.zitadel.session.v2.Factors;
import dev.roster.proto.zitadel.session.v2.PasswordFactor;
import dev.roster.proto.zitadel.session.v2.SearchQuery;
import dev.roster.proto.zitadel.session.v2.UserAgent;
import dev.roster.proto.zitadel.session.v2.UserFactor;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Session messages to use-case inputs and sessions to messages. */
public final class SessionMessages {
    private SessionMessages() {
    }

    static Sessions.NewSession newSession(CreateSessionRequest r) {
        if (r.hasChallenges()) {
            throw Protos.unsupported("challenges");
        }
        Checks checks = r.getChecks();
        if (checks.hasWebAuthN()) {
            throw Protos.unsupported("checks.webAuthN");
        }
        if (checks.hasIdpIntent()) {
            throw Protos.unsupported("checks.idpIntent");
        }
        if (checks.hasTotp()) {
            throw Protos.unsupported("checks.totp");
        }
        if (checks.hasOtpSms()) {
            throw Protos.unsupported("checks.otpSms");
        }
        if (checks.hasOtpEmail()) {
            throw Protos.unsupported("checks.otpEmail");
        }
        Sessions.UserCheck user = null;
        if (checks.hasUser()) {
            user = switch (checks.getUser().getSearchCase()) {
                case USER_ID -> new Sessions.UserCheck(length("checks.user.userId", checks.getUser().getUserId()), null);
                case LOGIN_NAME -> new Sessions.UserCheck(null,
                        length("checks.user.loginName", checks.getUser().getLoginName()));
                case SEARCH_NOT_SET -> throw DomainError.invalidField("checks.user", "value is required");
            };
        }
        String password = checks.hasPassword() ? length("checks.password.password", checks.getPassword().getPassword()) : null;
        Map<String, byte[]> metadata = new LinkedHashMap<>();
        r.getMetadataMap().forEach((k, v) -> metadata.put(k, v.toByteArray()));
        Duration lifetime = r.hasLifetime()
                ? Duration.ofSeconds(r.getLifetime().getSeconds(), r.getLifetime().getNanos()) : null;
        return new Sessions.NewSession(user, password, metadata, userAgent(r), lifetime);
    }

    private static Session.UserAgent userAgent(CreateSessionRequest r) {
        if (!r.hasUserAgent()) {
            return Session.UserAgent.NONE;
        }
        UserAgent a = r.getUserAgent();
        Map<String, List<String>> headers = new LinkedHashMap<>();
        a.getHeaderMap().forEach((k, v) -> headers.put(k, List.copyOf(v.getValuesList())));
        return new Session.UserAgent(a.hasFingerprintId() ? a.getFingerprintId() : null, a.hasIp() ? a.getIp() : null,
                a.hasDescription() ? a.getDescription() : null, headers);
    }

    private static String length(String field, String value) {
        if (value.isEmpty() || value.length() > 200) {
            throw DomainError.invalidField(field, "value length must be between 1 and 200 runes, inclusive");
        }
        return value;
    }

    static List<SessionFilter> filters(List<SearchQuery> queries) {
        List<SessionFilter> filters = new ArrayList<>();
        QueryLimits limits = new QueryLimits();
        for (SearchQuery q : queries) {
            limits.countQuery("queries");
            filters.add(switch (q.getQueryCase()) {
                case IDS_QUERY -> new SessionFilter.IdIn(limits.countValues("idsQuery.ids", q.getIdsQuery().getIdsList()));
                case USER_ID_QUERY -> new SessionFilter.UserIs(q.getUserIdQuery().getId());
                case CREATION_DATE_QUERY -> new SessionFilter.CreatedAt(
                        Protos.instant("creationDateQuery.creationDate", q.getCreationDateQuery().getCreationDate()),
                        compare(q.getCreationDateQuery().getMethod()));
                case CREATOR_QUERY -> throw Protos.unsupported("creatorQuery");
                case USER_AGENT_QUERY -> throw Protos.unsupported("userAgentQuery");
                case QUERY_NOT_SET -> throw new DomainError(Code.INVALID_ARGUMENT, ErrorIds.SESSION_QUERY_INVALID,
                        "Invalid search query");
            });
        }
        return filters;
    }

    private static SessionFilter.Compare compare(dev.roster.proto.zitadel.v1.TimestampQueryMethod method) {
        return switch (method) {
            case TIMESTAMP_QUERY_METHOD_EQUALS -> SessionFilter.Compare.EQUALS;
            case TIMESTAMP_QUERY_METHOD_GREATER -> SessionFilter.Compare.GREATER;
            case TIMESTAMP_QUERY_METHOD_GREATER_OR_EQUALS -> SessionFilter.Compare.GREATER_OR_EQUALS;
            case TIMESTAMP_QUERY_METHOD_LESS -> SessionFilter.Compare.LESS;
            case TIMESTAMP_QUERY_METHOD_LESS_OR_EQUALS -> SessionFilter.Compare.LESS_OR_EQUALS;
            case UNRECOGNIZED -> throw DomainError.invalidField("creationDateQuery.method",
                    "value must be one of the defined enum values");
        };
    }

    /** Factors are absent when no user was checked; the password factor only once a password was checked. */
    public static dev.roster.proto.zitadel.session.v2.Session session(Session s) {
        var b = dev.roster.proto.zitadel.session.v2.Session.newBuilder()
                .setId(s.id())
                .setCreationDate(Protos.timestamp(s.createdAt()))
                .setChangeDate(Protos.timestamp(s.changedAt()))
                .setSequence(s.version());
        if (s.user() != null) {
            Factors.Builder factors = Factors.newBuilder().setUser(UserFactor.newBuilder()
                    .setVerifiedAt(Protos.timestamp(s.user().verifiedAt()))
                    .setId(s.user().id())
                    .setLoginName(s.user().loginName())
                    .setDisplayName(s.user().displayName())
                    .setOrganizationId(s.user().organizationId()));
            if (s.passwordVerifiedAt() != null) {
                factors.setPassword(PasswordFactor.newBuilder().setVerifiedAt(Protos.timestamp(s.passwordVerifiedAt())));
            }
            b.setFactors(factors);
        }
        s.metadata().forEach((k, v) -> b.putMetadata(k, ByteString.copyFrom(v)));
        if (!s.userAgent().isEmpty()) {
            UserAgent.Builder agent = UserAgent.newBuilder();
            if (s.userAgent().fingerprintId() != null) {
                agent.setFingerprintId(s.userAgent().fingerprintId());
            }
            if (s.userAgent().ip() != null) {
                agent.setIp(s.userAgent().ip());
            }
            if (s.userAgent().description() != null) {
                agent.setDescription(s.userAgent().description());
            }
            s.userAgent().headers().forEach((k, v) ->
                    agent.putHeader(k, UserAgent.HeaderValues.newBuilder().addAllValues(v).build()));
            b.setUserAgent(agent);
        }
        if (s.expiresAt() != null) {
            b.setExpirationDate(Protos.timestamp(s.expiresAt()));
        }
        return b.build();
    }
}
