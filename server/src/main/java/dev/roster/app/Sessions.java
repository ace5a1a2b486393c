package dev.roster.app;

import dev.roster.domain.Code;
import dev.roster.domain.CredentialsCheckFailed;
import dev.roster.domain.DomainError;
import dev.roster.domain.ErrorIds;
import dev.roster.domain.Ids;
import dev.roster.domain.Principal;
import dev.roster.domain.Session;
import dev.roster.domain.SessionFilter;
import dev.roster.domain.User;
import dev.roster.domain.UserState;
import dev.roster.store.Database;
import dev.roster.store.Listed;
import dev.roster.store.SessionFilterSql;
import dev.roster.store.SessionStore;
import dev.roster.store.UserStore;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jdbi.v3.core.Handle;

/**
 * Login sessions (ZITADEL's v2 session service) checked by user and password. The token is returned once and only
 * its SHA-256 is kept. A wrong password is recorded on the user (and locks it when the lockout limit is reached)
 * in a transaction that commits before the error is raised. Password checks are rate-limited per user
 * ({@link PasswordChecks}).
 */
public final class Sessions {
    private final Database db;
    private final SessionStore store;
    private final UserStore users;
    private final EventRecorder events;
    private final PasswordChecks passwords;
    private final SessionTermination termination;
    private final Users userCases;
    private final int lockoutLimit;
    private final Clock clock;

    Sessions(Database db, SessionStore store, UserStore users, EventRecorder events, PasswordChecks passwords,
             SessionTermination termination, Users userCases, int lockoutLimit, Clock clock) {
        this.db = db;
        this.store = store;
        this.users = users;
        this.events = events;
        this.passwords = passwords;
        this.termination = termination;
        this.userCases = userCases;
        this.lockoutLimit = lockoutLimit;
        this.clock = clock;
    }

    /** The user to check, by ID or by login name (the username, compared case-insensitively). */
    public record UserCheck(String userId, String loginName) {
    }

    public record NewSession(UserCheck user, String password, Map<String, byte[]> metadata,
                             Session.UserAgent userAgent, Duration lifetime) {
    }

    /** A created session and its token, which exists nowhere else. */
    public record Created(Session session, String token) {
    }

    /** What DeleteSession reports: the session's version after the end. */
    public record Ended(String organizationId, String sessionId, long version, Instant at) {
    }

    public Created create(Principal who, String reason, NewSession request) {
        Session.requireLifetime(request.lifetime());
        if (request.password() != null && request.user() == null) {
            throw DomainError.failedPrecondition(ErrorIds.SESSION_PASSWORD_WITHOUT_USER, "User ID missing");
        }
        Optional<User> checked = request.user() == null ? Optional.empty()
                : Optional.of(db.read(h -> loginUser(h, who, request.user())));
        Boolean passwordOk = null;
        if (request.password() != null) {
            User user = checked.orElseThrow();
            if (!user.hasPassword()) {
                throw DomainError.failedPrecondition(ErrorIds.SESSION_PASSWORD_NOT_SET, "User has not set a password");
            }
            passwordOk = passwords.matches(user, request.password());
        }
        Boolean verified = passwordOk;
        Outcome outcome = db.write(h -> {
            Instant now = Clocks.now(clock);
            // Locked: a deactivate, lock or delete running alongside waits for this session and then ends it.
            User user = checked.isEmpty() ? null : lockedLoginUser(h, who, checked.get().id());
            if (user != null && verified != null && !user.passwordHash().equals(checked.get().passwordHash())) {
                // The password changed while the old one was being checked: the one given is no longer valid.
                throw new CredentialsCheckFailed(user.failedPasswordAttempts());
            }
            if (Boolean.FALSE.equals(verified)) {
                return new Outcome(null, recordFailure(h, who, reason, user, now));
            }
            if (user != null && verified != null) {
                User cleared = user.afterSuccessfulPasswordCheck(now);
                if (cleared != user) {
                    users.update(h, cleared);
                    userCases.record(h, who, reason, cleared, "user.password_check_succeeded");
                    user = cleared;
                }
            }
            return new Outcome(insert(h, who, reason, request, user, verified != null, now), 0);
        });
        if (outcome.created() == null) {
            throw new CredentialsCheckFailed(outcome.failedAttempts());
        }
        return outcome.created();
    }

    private record Outcome(Created created, int failedAttempts) {
    }

    private int recordFailure(Handle h, Principal who, String reason, User user, Instant now) {
        User failed = user.afterFailedPasswordCheck(now);
        users.update(h, failed);
        userCases.record(h, who, reason, failed, "user.password_check_failed");
        if (failed.reachedLockout(lockoutLimit)) {
            User locked = failed.lock(now);
            users.update(h, locked);
            userCases.record(h, who, "too many failed password checks", locked, "user.locked");
            termination.endAllOf(h, who, reason, locked);
        }
        return failed.failedPasswordAttempts();
    }

    private Created insert(Handle h, Principal who, String reason, NewSession request, User user, boolean password,
                           Instant now) {
        String token = Secrets.newSessionToken();
        Session.SessionUser checkedUser = user == null ? null : new Session.SessionUser(user.id(), user.username(),
                user.profile().displayName(), user.organizationId(), now);
        Session session = new Session(who.organizationId(), Ids.SESSION.next(), Secrets.sha256(token), checkedUser,
                password ? now : null, request.metadata(), request.userAgent(), now, now,
                request.lifetime() == null ? null : now.plus(request.lifetime()), 1);
        store.insert(h, session);
        Events log = new Events(session.organizationId(), SessionTermination.AGGREGATE, session.id(), who.actor(),
                reason, now);
        events.append(h, log.event("session.created", 1, events.data().session(session)));
        return new Created(session, token);
    }

    /** The user a login names, if it may log in: unknown or deleted is NOT_FOUND, not enabled is refused. */
    private User loginUser(Handle h, Principal who, UserCheck check) {
        return mayLogIn(check.userId() != null
                ? users.find(h, who.organizationId(), check.userId())
                : users.findByUsername(h, who.organizationId(), check.loginName()));
    }

    /** {@link #loginUser} by ID, with the row locked until the transaction ends. */
    private User lockedLoginUser(Handle h, Principal who, String userId) {
        return mayLogIn(users.findForChange(h, who.organizationId(), userId));
    }

    private static User mayLogIn(Optional<User> found) {
        User user = found.filter(u -> u.state() != UserState.DELETED)
                .orElseThrow(Users::notFound);
        if (!user.canLogIn()) {
            throw DomainError.failedPrecondition(ErrorIds.SESSION_USER_NOT_ACTIVE, "User is not active");
        }
        return user;
    }

    /** A live session; with a token, the token must be the session's own. */
    public Session get(Principal who, String sessionId, String token) {
        requireId(sessionId);
        Session session = db.read(h -> store.find(h, who.organizationId(), sessionId))
                .orElseThrow(Sessions::notFound);
        if (token != null && !Secrets.sha256(token).equals(session.tokenHash())) {
            throw new DomainError(Code.PERMISSION_DENIED, ErrorIds.SESSION_TOKEN_MISMATCH_GET,
                    "No matching permissions found");
        }
        return session;
    }

    public Listed<Session> list(Principal who, List<SessionFilter> filters, boolean asc, long offset, int limit) {
        SessionFilterSql where = SessionFilterSql.of(filters);
        String org = who.organizationId();
        return db.search(org, h -> store.list(h, org, where, asc, offset, limit));
    }

    /**
     * Retry-safe: a session of the caller's organization that already ended is reported as ended, unchanged. An id
     * that names no session of the organization (unknown, malformed or another tenant's) is NOT_FOUND.
     */
    public Ended delete(Principal who, String reason, String sessionId, String token) {
        requireId(sessionId);
        return db.write(h -> {
            Instant now = Clocks.now(clock);
            Optional<Session> found = store.find(h, who.organizationId(), sessionId);
            if (found.isEmpty()) {
                long version = store.endedVersion(h, who.organizationId(), sessionId).orElseThrow(Sessions::notFound);
                return new Ended(who.organizationId(), sessionId, version, now);
            }
            Session s = found.get();
            if (token != null && !Secrets.sha256(token).equals(s.tokenHash())) {
                throw new DomainError(Code.PERMISSION_DENIED, ErrorIds.SESSION_TOKEN_INVALID_DELETE,
                        "Session Token is invalid");
            }
            termination.end(h, who, reason, s, now);
            return new Ended(who.organizationId(), sessionId, s.version() + 1, now);
        });
    }

    private static void requireId(String sessionId) {
        if (sessionId == null || sessionId.isEmpty() || sessionId.length() > 200) {
            throw DomainError.invalidField("sessionId", "value length must be between 1 and 200 runes, inclusive");
        }
    }

    private static DomainError notFound() {
        return DomainError.notFound(ErrorIds.SESSION_NOT_FOUND, "Session does not exist");
    }
}
