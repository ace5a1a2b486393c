package dev.roster.app;

import dev.roster.domain.Actor;
import dev.roster.domain.Code;
import dev.roster.domain.DomainError;
import dev.roster.domain.ErrorIds;
import dev.roster.domain.Ids;
import dev.roster.domain.Principal;
import dev.roster.domain.Session;
import dev.roster.domain.User;
import dev.roster.domain.UserLevel;
import dev.roster.domain.ViewerUser;
import dev.roster.store.Database;
import dev.roster.store.InstanceSecretStore;
import dev.roster.store.UserStore;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;

/**
 * Who may use the console and how they sign in: an organization's owner or admins (Viewer level {@code owner} or
 * {@code admin}), checked with the v2 password check and session, so lockout, rate limits and refused states apply
 * exactly as on v2. Forms carry a token derived from the session with an installation key (CSRF).
 */
public final class ConsoleAccess {
    /** A console session ends after a working day, whatever happens to the cookie. */
    static final Duration SESSION_LIFETIME = Duration.ofHours(12);
    static final String LOGIN_REASON = "console login";
    static final String LOGOUT_REASON = "console logout";

    private final Database db;
    private final UserStore users;
    private final Sessions sessions;
    private final ViewerUsers viewerUsers;
    private final InstanceKey csrfKey;
    private final Clock clock;

    ConsoleAccess(Database db, UserStore users, Sessions sessions, ViewerUsers viewerUsers,
                  InstanceSecretStore secrets, Clock clock) {
        this.db = db;
        this.users = users;
        this.sessions = sessions;
        this.viewerUsers = viewerUsers;
        this.csrfKey = new InstanceKey(db, secrets, "console-csrf", clock);
        this.clock = clock;
    }

    /** A signed-in console user and the session that proves it. */
    public record SignedIn(Principal principal, User user, String sessionId, String token) {
    }

    /**
     * Checks the password as v2's CreateSession does (the user is the actor of what the check records) and lets in
     * only the owner or an admin; anyone else's new session is ended at once.
     */
    public SignedIn logIn(String organizationId, String loginName, String password) {
        Ids.ORGANIZATION.require("organization", organizationId);
        if (loginName == null || loginName.isBlank() || password == null || password.isEmpty()) {
            throw DomainError.invalidField("loginName", "login name and password are required");
        }
        User user = db.read(h -> users.findByUsername(h, organizationId, loginName.strip()))
                .orElseThrow(Users::notFound);
        Principal who = Principal.consoleUser(organizationId, user.id());
        Sessions.Created created = sessions.create(who, LOGIN_REASON, new Sessions.NewSession(
                new Sessions.UserCheck(user.id(), null), password, Map.of(), Session.UserAgent.NONE,
                SESSION_LIFETIME));
        if (!mayUseConsole(who, user.id())) {
            sessions.delete(who, LOGIN_REASON, created.session().id(), created.token());
            throw notAllowed();
        }
        return new SignedIn(who, user, created.session().id(), created.token());
    }

    /** The user a console cookie stands for, checked on every request: a demoted or locked user is out at once. */
    public SignedIn resume(String organizationId, String sessionId, String token) {
        Ids.ORGANIZATION.require("organization", organizationId);
        Principal org = new Principal(organizationId, false, Actor.system()); // reads only: the session, then its user
        Session session = sessions.get(org, sessionId, token);
        if (session.user() == null || session.passwordVerifiedAt() == null
                || (session.expiresAt() != null && !session.expiresAt().isAfter(clock.instant()))) {
            throw notSignedIn();
        }
        Principal who = Principal.consoleUser(organizationId, session.user().id());
        ViewerUser viewer = viewerUsers.get(who, session.user().id());
        if (!viewer.user().canLogIn() || !admits(viewer)) {
            throw notSignedIn();
        }
        return new SignedIn(who, viewer.user(), sessionId, token);
    }

    /** Ends the session, as v2's DeleteSession does. */
    public void logOut(SignedIn who) {
        sessions.delete(who.principal(), LOGOUT_REASON, who.sessionId(), who.token());
    }

    /** The token every form of this session carries; it changes with every sign-in. */
    public String csrfToken(SignedIn who) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(csrfKey.sign(csrfClaims(who)));
    }

    /** Checked as the installation key checks every signature: in constant time. */
    public boolean csrfMatches(SignedIn who, String sent) {
        if (sent == null) {
            return false;
        }
        try {
            return csrfKey.signs(csrfClaims(who), Base64.getUrlDecoder().decode(sent));
        } catch (IllegalArgumentException notBase64) {
            return false;
        }
    }

    private static byte[] csrfClaims(SignedIn who) {
        return (who.principal().organizationId() + "|" + who.sessionId()).getBytes(StandardCharsets.UTF_8);
    }

    /** Loads the form-token key before requests arrive, as the cursor key is. */
    public void prepare() {
        csrfKey.load();
    }

    private boolean mayUseConsole(Principal who, String userId) {
        return admits(viewerUsers.get(who, userId));
    }

    private static boolean admits(ViewerUser viewer) {
        UserLevel level = viewer.profile().level();
        return level == UserLevel.OWNER || level == UserLevel.ADMIN;
    }

    private static DomainError notAllowed() {
        return new DomainError(Code.PERMISSION_DENIED, ErrorIds.CONSOLE_NOT_ALLOWED,
                "Only the organization's owner and admins may use the console");
    }

    private static DomainError notSignedIn() {
        return new DomainError(Code.UNAUTHENTICATED, ErrorIds.CONSOLE_NOT_SIGNED_IN, "Not signed in");
    }
}
