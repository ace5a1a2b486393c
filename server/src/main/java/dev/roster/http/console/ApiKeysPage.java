package dev.roster.http.console;

import com.linecorp.armeria.common.AggregatedHttpRequest;
import com.linecorp.armeria.common.HttpResponse;
import com.linecorp.armeria.common.HttpStatus;
import com.linecorp.armeria.server.ServiceRequestContext;
import com.linecorp.armeria.server.annotation.Blocking;
import com.linecorp.armeria.server.annotation.ExceptionHandler;
import com.linecorp.armeria.server.annotation.Get;
import com.linecorp.armeria.server.annotation.Param;
import com.linecorp.armeria.server.annotation.Post;
import dev.roster.app.ApiKeys;
import dev.roster.app.ConsoleAccess;
import dev.roster.domain.ApiKey;
import dev.roster.domain.DomainError;
import dev.roster.http.ErrorMapping;

/** The organization's API keys: a new key's secret is shown once, in the answer to its creation; revoke. */
@ExceptionHandler(ConsoleErrors.class)
final class ApiKeysPage {
    private final Guard guard;
    private final ApiKeys keys;

    ApiKeysPage(Guard guard, ApiKeys keys) {
        this.guard = guard;
        this.keys = keys;
    }

    @Blocking
    @Get("/console/api-keys")
    public HttpResponse list(ServiceRequestContext ctx) {
        ConsoleAccess.SignedIn who = guard.signedIn(ctx.request().headers());
        return render(who, HttpStatus.OK, Notices.of(ctx), null, null);
    }

    /** Answered with the page itself, not a redirect, so the secret is never in a URL or a browser's history. */
    @Blocking
    @Post("/console/api-keys")
    public HttpResponse create(AggregatedHttpRequest req) {
        Form form = Form.of(req);
        ConsoleAccess.SignedIn who = guard.forChange(req.headers(), form);
        try {
            ApiKeys.CreatedKey created = keys.createInOwnOrganization(who.principal(), form.params().get("name"));
            return render(who, HttpStatus.OK, null, null, created);
        } catch (DomainError e) {
            return render(who, ErrorMapping.httpStatus(e.code()), null, e.text(), null);
        }
    }

    @Blocking
    @Post("/console/api-keys/{id}/revoke")
    public HttpResponse revoke(AggregatedHttpRequest req, @Param("id") String id) {
        ConsoleAccess.SignedIn who = guard.forChange(req.headers(), Form.of(req));
        try {
            keys.revokeInOwnOrganization(who.principal(), id);
        } catch (DomainError e) {
            if (e.code() == dev.roster.domain.Code.NOT_FOUND) {
                throw e;
            }
            return render(who, ErrorMapping.httpStatus(e.code()), null, e.text(), null);
        }
        return Layout.redirect(Layout.ROOT + "/api-keys?done=key-revoked");
    }

    private HttpResponse render(ConsoleAccess.SignedIn who, HttpStatus status, String notice, String error,
                                ApiKeys.CreatedKey created) {
        String csrf = guard.csrf(who);
        StringBuilder sb = new StringBuilder(Html.notice(notice)).append(Html.error(error));
        if (created != null) {
            sb.append("<div class=\"secret\" role=\"status\"><p>The key <strong>").append(Html.esc(created.key().name()))
                    .append("</strong> was created. Copy its secret now: it is shown only this once.</p>")
                    .append("<label for=\"secret\">Secret</label><input id=\"secret\" readonly value=\"")
                    .append(Html.esc(created.secret())).append("\"></div>");
        }
        sb.append("<div class=\"scroll\"><table><caption>Keys of this organization</caption><thead><tr>"
                + "<th scope=\"col\">Name</th><th scope=\"col\">ID</th><th scope=\"col\">Created</th>"
                + "<th scope=\"col\">State</th></tr></thead><tbody>");
        for (ApiKey k : keys.listOwnOrganization(who.principal())) {
            sb.append("<tr><td>").append(Html.esc(k.name())).append(k.instanceAdmin() ? " (instance admin)" : "")
                    .append("</td><td><code>").append(Html.esc(k.id())).append("</code></td><td>")
                    .append(Html.time(k.createdAt())).append("</td><td>");
            if (k.revoked()) {
                sb.append("revoked ").append(Html.time(k.revokedAt()));
            } else if (k.instanceAdmin()) {
                sb.append("active");
            } else {
                sb.append(Html.form(Layout.ROOT + "/api-keys/" + k.id() + "/revoke", csrf, "inline",
                        "<button type=\"submit\">Revoke <span class=\"visually-hidden\">" + Html.esc(k.name())
                                + "</span></button>"));
            }
            sb.append("</td></tr>");
        }
        sb.append("</tbody></table></div><h2>New key</h2>").append(Html.form(Layout.ROOT + "/api-keys", csrf,
                "stack narrow", "<label for=\"key-name\">Name</label><input id=\"key-name\" name=\"name\" required"
                        + " maxlength=\"200\">" + Html.button("Create key")));
        return Layout.page(status, "API keys", who, csrf, sb.toString());
    }
}
