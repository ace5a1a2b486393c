package dev.roster.http.console;

import com.linecorp.armeria.common.HttpHeaderNames;
import com.linecorp.armeria.common.RequestHeaders;
import com.linecorp.armeria.server.ServiceRequestContext;
import dev.roster.app.ConsoleAccess;
import dev.roster.domain.DomainError;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * The console's door: the session cookie to a signed-in owner or admin, and on every change the origin and the form's
 * CSRF token. Runs on a blocking thread (it reads the session and the user).
 */
final class Guard {
    static final String SESSION_COOKIE = "roster_console";
    static final String LOGIN_COOKIE = "roster_console_login";
    private static final SecureRandom RANDOM = new SecureRandom();

    private final ConsoleAccess access;
    private final boolean publicHttps;

    Guard(ConsoleAccess access, boolean publicHttps) {
        this.access = access;
        this.publicHttps = publicHttps;
    }

    ConsoleAccess access() {
        return access;
    }

    /** The signed-in user, or a refusal that sends the browser to the login page. */
    ConsoleAccess.SignedIn signedIn(RequestHeaders headers) {
        String value = cookie(headers, SESSION_COOKIE);
        if (value == null) {
            throw new ConsoleRefusal(ConsoleRefusal.Kind.NOT_SIGNED_IN);
        }
        String[] parts = value.split("\\.", 3);
        if (parts.length != 3) {
            throw new ConsoleRefusal(ConsoleRefusal.Kind.NOT_SIGNED_IN);
        }
        try {
            return access.resume(parts[0], parts[1], parts[2]);
        } catch (DomainError e) {
            throw new ConsoleRefusal(ConsoleRefusal.Kind.NOT_SIGNED_IN); // ended, expired, demoted or not active
        }
    }

    /** As {@link #signedIn}, for a posted form: same origin and the session's token, checked before anything else. */
    ConsoleAccess.SignedIn forChange(RequestHeaders headers, Form form) {
        ConsoleAccess.SignedIn who = signedIn(headers);
        if (!Csrf.sameOrigin(headers) || !access.csrfMatches(who, form.get(Csrf.FIELD))) {
            throw new ConsoleRefusal(ConsoleRefusal.Kind.FORGED_FORM);
        }
        return who;
    }

    String csrf(ConsoleAccess.SignedIn who) {
        return access.csrfToken(who);
    }

    String sessionCookie(ServiceRequestContext ctx, RequestHeaders headers, ConsoleAccess.SignedIn who) {
        return cookie(ctx, headers, SESSION_COOKIE,
                who.principal().organizationId() + "." + who.sessionId() + "." + who.token(), -1);
    }

    /** A random value the login form repeats (double submit), since there is no session to bind a token to yet. */
    static String newLoginNonce() {
        byte[] bytes = new byte[24];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    String loginCookie(ServiceRequestContext ctx, RequestHeaders headers, String nonce) {
        return cookie(ctx, headers, LOGIN_COOKIE, nonce, -1);
    }

    String expired(ServiceRequestContext ctx, RequestHeaders headers, String name) {
        return cookie(ctx, headers, name, "", 0);
    }

    /** HttpOnly, SameSite=Strict, only under the console's path; Secure whenever the browser reached us over https. */
    private String cookie(ServiceRequestContext ctx, RequestHeaders headers, String name, String value, int maxAge) {
        StringBuilder sb = new StringBuilder(name).append('=').append(value)
                .append("; Path=").append(Layout.ROOT).append("; HttpOnly; SameSite=Strict");
        if (maxAge >= 0) {
            sb.append("; Max-Age=").append(maxAge);
        }
        if (secure(ctx, headers)) {
            sb.append("; Secure");
        }
        return sb.toString();
    }

    private boolean secure(ServiceRequestContext ctx, RequestHeaders headers) {
        return publicHttps || ctx.sessionProtocol().isTls()
                || "https".equalsIgnoreCase(headers.get("x-forwarded-proto"));
    }

    static String cookie(RequestHeaders headers, String name) {
        String header = headers.get(HttpHeaderNames.COOKIE);
        if (header == null) {
            return null;
        }
        for (var c : com.linecorp.armeria.common.Cookie.fromCookieHeader(header)) {
            if (c.name().equals(name) && !c.value().isEmpty()) {
                return c.value();
            }
        }
        return null;
    }
}
