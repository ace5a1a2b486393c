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
import dev.roster.app.ConsoleAccess;
import dev.roster.app.Users;
import dev.roster.domain.DomainError;
import dev.roster.domain.User;
import dev.roster.domain.UserFilter;
import dev.roster.domain.UserState;
import dev.roster.http.ErrorMapping;
import dev.roster.store.Listed;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** The organization's users: search, state filter, pages, and each lifecycle change with its reason. */
@ExceptionHandler(ConsoleErrors.class)
final class UsersPage {
    private static final List<String> ACTIONS = List.of("deactivate", "reactivate", "lock", "unlock", "delete");

    private final Guard guard;
    private final Users users;

    UsersPage(Guard guard, Users users) {
        this.guard = guard;
        this.users = users;
    }

    @Blocking
    @Get("/console/users")
    public HttpResponse list(ServiceRequestContext ctx) {
        ConsoleAccess.SignedIn who = guard.signedIn(ctx.request().headers());
        return render(who, Form.query(ctx), HttpStatus.OK, Notices.of(ctx), null);
    }

    /** The same use cases as v2's: deactivate, lock and delete end the user's sessions; the owner is refused. */
    @Blocking
    @Post("/console/users/{id}")
    public HttpResponse change(ServiceRequestContext ctx, AggregatedHttpRequest req, @Param("id") String id) {
        Form form = Form.of(req);
        ConsoleAccess.SignedIn who = guard.forChange(req.headers(), form);
        String action = form.get("action");
        try {
            String reason = Reasons.require(form.get("reason"));
            switch (action == null ? "" : action) {
                case "deactivate" -> users.deactivate(who.principal(), reason, id);
                case "reactivate" -> users.reactivate(who.principal(), reason, id);
                case "lock" -> users.lock(who.principal(), reason, id);
                case "unlock" -> users.unlock(who.principal(), reason, id);
                case "delete" -> users.delete(who.principal(), reason, id);
                default -> throw DomainError.invalidField("action", "choose one of " + ACTIONS);
            }
        } catch (DomainError e) {
            return render(who, Form.query(ctx), ErrorMapping.httpStatus(e.code()), null, e.text());
        }
        return Layout.redirect(Layout.ROOT + "/users?done=user-" + action);
    }

    private HttpResponse render(ConsoleAccess.SignedIn who, Form query, HttpStatus status, String notice,
                                String error) {
        String q = query.get("q");
        String state = query.get("state");
        UserState stateFilter = parseState(state);
        List<UserFilter> conditions = new ArrayList<>();
        if (q != null) {
            conditions.add(new UserFilter.Or(List.of(
                    new UserFilter.Text(UserFilter.Field.USERNAME, q, UserFilter.Match.CONTAINS, true),
                    new UserFilter.Text(UserFilter.Field.DISPLAY_NAME, q, UserFilter.Match.CONTAINS, true),
                    new UserFilter.Text(UserFilter.Field.EMAIL, q, UserFilter.Match.CONTAINS, true))));
        }
        if (stateFilter != null) {
            conditions.add(new UserFilter.StateIs(stateFilter));
        }
        int page = query.page();
        Listed<User> found = users.list(who.principal(), new UserFilter.And(conditions), UserFilter.Sort.CREATION_DATE,
                false, Paging.offsetOf(page), Paging.SIZE);
        String csrf = guard.csrf(who);
        StringBuilder sb = new StringBuilder(Html.notice(notice)).append(Html.error(error));
        sb.append("<form method=\"get\" action=\"").append(Layout.ROOT).append("/users\" class=\"filters\" role=\"search\">")
                .append("<div><label for=\"q\">Name, login or email contains</label><input id=\"q\" name=\"q\" type=\"search\" value=\"")
                .append(Html.esc(q)).append("\"></div><div><label for=\"state\">State</label><select id=\"state\" name=\"state\">")
                .append("<option value=\"\">Any</option>");
        for (UserState s : List.of(UserState.INITIAL, UserState.ACTIVE, UserState.INACTIVE, UserState.LOCKED)) {
            String v = s.name().toLowerCase(Locale.ROOT);
            sb.append("<option value=\"").append(v).append("\"").append(s == stateFilter ? " selected" : "")
                    .append(">").append(v).append("</option>");
        }
        sb.append("</select></div>").append(Html.button("Search")).append("</form>");
        if (found.items().isEmpty()) {
            sb.append("<p>No users match.</p>");
        } else {
            sb.append("<ul class=\"cards\">");
            for (User u : found.items()) {
                sb.append(card(u, csrf));
            }
            sb.append("</ul>");
        }
        String base = Layout.ROOT + "/users?" + (q == null ? "" : "q=" + URLEncoder.encode(q, StandardCharsets.UTF_8)
                + "&") + (stateFilter == null ? "" : "state=" + state + "&");
        sb.append(new Paging(page, found.total()).nav(base, found.items().size()));
        return Layout.page(status, "Users", who, csrf, sb.toString());
    }

    private static String card(User u, String csrf) {
        String key = Html.esc(u.id());
        StringBuilder options = new StringBuilder();
        for (String a : ACTIONS) {
            options.append("<option value=\"").append(a).append("\">").append(a).append("</option>");
        }
        return "<li class=\"card\"><h2 class=\"h3\">" + Html.esc(u.profile().displayName()) + "</h2>"
                + "<p>" + Html.esc(u.username()) + " · " + Html.esc(u.email().value()) + " · <code>" + key
                + "</code> · <strong>" + u.state().name().toLowerCase(Locale.ROOT) + "</strong></p>"
                + Html.form(Layout.ROOT + "/users/" + u.id(), csrf, "row",
                "<div><label for=\"act-" + key + "\">Change</label><select id=\"act-" + key + "\" name=\"action\">"
                        + options + "</select></div><div>" + Html.reasonField("reason-" + u.id()) + "</div>"
                        + "<button type=\"submit\">Apply <span class=\"visually-hidden\">to " + Html.esc(u.username())
                        + "</span></button>")
                + "</li>";
    }

    private static UserState parseState(String state) {
        if (state == null) {
            return null;
        }
        try {
            UserState s = UserState.valueOf(state.toUpperCase(Locale.ROOT));
            return s == UserState.DELETED ? null : s;
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
