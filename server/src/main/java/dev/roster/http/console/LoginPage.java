package dev.roster.http.console;

import com.linecorp.armeria.common.AggregatedHttpRequest;
import com.linecorp.armeria.common.HttpData;
import com.linecorp.armeria.common.HttpHeaderNames;
import com.linecorp.armeria.common.HttpResponse;
import com.linecorp.armeria.common.HttpStatus;
import com.linecorp.armeria.common.ResponseHeaders;
import com.linecorp.armeria.server.ServiceRequestContext;
import com.linecorp.armeria.server.annotation.Blocking;
import com.linecorp.armeria.server.annotation.ExceptionHandler;
import com.linecorp.armeria.server.annotation.Get;
import com.linecorp.armeria.server.annotation.Post;
import dev.roster.app.ConsoleAccess;
import dev.roster.app.Organizations;
import dev.roster.domain.Code;
import dev.roster.domain.CredentialsCheckFailed;
import dev.roster.domain.DomainError;
import dev.roster.domain.ErrorIds;

/** Signing in with a login name and password (the v2 password check) and signing out (the session ends). */
@ExceptionHandler(ConsoleErrors.class)
final class LoginPage {
    private final Guard guard;

    LoginPage(Guard guard) {
        this.guard = guard;
    }

    @Get("/console")
    public HttpResponse root() {
        return Layout.redirect(Layout.ROOT + "/customers");
    }

    @Get("/console/login")
    public HttpResponse form(ServiceRequestContext ctx) {
        String org = Form.query(ctx).get("org");
        return render(ctx, HttpStatus.OK, org == null ? Organizations.DEFAULT_ID : org, "", null);
    }

    @Blocking
    @Post("/console/login")
    public HttpResponse logIn(ServiceRequestContext ctx, AggregatedHttpRequest req) {
        Form form = Form.of(req);
        String nonce = Guard.cookie(req.headers(), Guard.LOGIN_COOKIE);
        String org = form.get("organization");
        String loginName = form.get("loginName");
        if (!Csrf.sameOrigin(req.headers()) || nonce == null || !nonce.equals(form.get(Csrf.FIELD))) {
            throw new ConsoleRefusal(ConsoleRefusal.Kind.FORGED_FORM);
        }
        ConsoleAccess.SignedIn who;
        try {
            who = guard.access().logIn(org, loginName, form.params().get("password"));
        } catch (CredentialsCheckFailed e) {
            return render(ctx, HttpStatus.UNAUTHORIZED, org, loginName, "The login name or the password is wrong.");
        } catch (DomainError e) {
            return render(ctx, statusOf(e), org, loginName, messageOf(e));
        }
        return HttpResponse.of(ResponseHeaders.builder(HttpStatus.SEE_OTHER)
                .set(HttpHeaderNames.LOCATION, Layout.ROOT + "/customers")
                .set(HttpHeaderNames.CACHE_CONTROL, "no-store")
                .add(HttpHeaderNames.SET_COOKIE, guard.sessionCookie(ctx, req.headers(), who))
                .add(HttpHeaderNames.SET_COOKIE, guard.expired(ctx, req.headers(), Guard.LOGIN_COOKIE))
                .build());
    }

    @Blocking
    @Post("/console/logout")
    public HttpResponse logOut(ServiceRequestContext ctx, AggregatedHttpRequest req) {
        ConsoleAccess.SignedIn who = guard.forChange(req.headers(), Form.of(req));
        guard.access().logOut(who);
        return HttpResponse.of(ResponseHeaders.builder(HttpStatus.SEE_OTHER)
                .set(HttpHeaderNames.LOCATION, Layout.ROOT + "/login?signedOut")
                .add(HttpHeaderNames.SET_COOKIE, guard.expired(ctx, req.headers(), Guard.SESSION_COOKIE))
                .build());
    }

    /** Unknown users and wrong passwords read alike, so the form tells nobody which login names exist. */
    private static String messageOf(DomainError e) {
        if (e.code() == Code.NOT_FOUND || e.code() == Code.INVALID_ARGUMENT) {
            return "The login name or the password is wrong.";
        }
        if (ErrorIds.SESSION_USER_NOT_ACTIVE.equals(e.id())) {
            return "This user is locked or inactive and cannot sign in.";
        }
        return e.text();
    }

    private static HttpStatus statusOf(DomainError e) {
        return e.code() == Code.NOT_FOUND || e.code() == Code.INVALID_ARGUMENT ? HttpStatus.UNAUTHORIZED
                : dev.roster.http.ErrorMapping.httpStatus(e.code());
    }

    private HttpResponse render(ServiceRequestContext ctx, HttpStatus status, String org, String loginName,
                                String error) {
        String nonce = Guard.newLoginNonce();
        boolean signedOut = ctx.queryParams().contains("signedOut");
        String body = Html.notice(signedOut ? "You are signed out." : null) + Html.error(error)
                + "<form method=\"post\" action=\"" + Layout.ROOT + "/login\" class=\"stack narrow\">"
                + "<input type=\"hidden\" name=\"" + Csrf.FIELD + "\" value=\"" + nonce + "\">"
                + "<label for=\"organization\">Organization ID</label>"
                + "<input id=\"organization\" name=\"organization\" required autocomplete=\"organization\" value=\""
                + Html.esc(org) + "\">"
                + "<label for=\"loginName\">Login name</label>"
                + "<input id=\"loginName\" name=\"loginName\" required autocomplete=\"username\" autofocus value=\""
                + Html.esc(loginName) + "\">"
                + "<label for=\"password\">Password</label>"
                + "<input id=\"password\" name=\"password\" type=\"password\" required autocomplete=\"current-password\">"
                + Html.button("Sign in") + "</form>"
                + "<p class=\"hint\">The organization's owner and its admins may sign in.</p>";
        HttpResponse page = Layout.page(status, "Sign in", null, null, body);
        String cookie = guard.loginCookie(ctx, ctx.request().headers(), nonce);
        return page.mapHeaders(h -> h.toBuilder().add(HttpHeaderNames.SET_COOKIE, cookie).build());
    }
}
