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
import dev.roster.app.EventHistory;
import dev.roster.app.Customers;
import dev.roster.app.Studies;
import dev.roster.app.Users;
import dev.roster.domain.DomainError;
import dev.roster.domain.ErrorIds;
import dev.roster.domain.ExpressCustomer;
import dev.roster.domain.LoggedEvent;
import dev.roster.domain.StudyFilter;
import dev.roster.domain.StudyView;
import dev.roster.domain.User;
import dev.roster.domain.UserFilter;
import dev.roster.http.ErrorMapping;
import java.util.List;
import java.util.Optional;

/** One Express customer: details, metadata, users, studies and audit timeline; its lifecycle and user links. */
@ExceptionHandler(ConsoleErrors.class)
final class CustomerPage {
    /** The studies shown on a customer's page; the API lists them all. */
    static final int STUDIES_SHOWN = 50;
    /** The oldest events of the customer a page shows; the events API pages through the rest. */
    static final int TIMELINE_SHOWN = 500;

    private final Guard guard;
    private final Customers customers;
    private final Users users;
    private final Studies studies;
    private final EventHistory history;

    CustomerPage(Guard guard, Customers customers, Users users, Studies studies, EventHistory history) {
        this.guard = guard;
        this.customers = customers;
        this.users = users;
        this.studies = studies;
        this.history = history;
    }

    @Blocking
    @Get("/console/customers/{id}")
    public HttpResponse show(ServiceRequestContext ctx, @Param("id") String id) {
        ConsoleAccess.SignedIn who = guard.signedIn(ctx.request().headers());
        return render(who, id, HttpStatus.OK, Notices.of(ctx), null);
    }

    @Blocking
    @Post("/console/customers/{id}/{action}")
    public HttpResponse change(AggregatedHttpRequest req, @Param("id") String id, @Param("action") String action) {
        Form form = Form.of(req);
        ConsoleAccess.SignedIn who = guard.forChange(req.headers(), form);
        String done;
        try {
            done = switch (action) {
                case "deactivate" -> {
                    Await.of(customers.deactivate(who.principal(), Reasons.require(form.get("reason")), id));
                    yield "deactivated";
                }
                case "reactivate" -> {
                    Await.of(customers.reactivate(who.principal(), Reasons.require(form.get("reason")), id));
                    yield "reactivated";
                }
                case "add-user" -> {
                    customers.addUser(who.principal(), form.get("reason"), id, userId(who, form.get("user")));
                    yield "linked";
                }
                case "remove-user" -> {
                    customers.removeUser(who.principal(), form.get("reason"), id, form.get("userId"));
                    yield "unlinked";
                }
                default -> throw DomainError.notFound(ErrorIds.ROUTE_NOT_FOUND, "No such page");
            };
        } catch (DomainError e) {
            if (e.code() == dev.roster.domain.Code.NOT_FOUND && !action.endsWith("-user")) {
                throw e; // the customer itself is not there (or is another organization's): the 404 page
            }
            return render(who, id, ErrorMapping.httpStatus(e.code()), null, e.text());
        }
        return Layout.redirect(Layout.ROOT + "/customers/" + id + "?done=" + done);
    }

    /** A user named by ID or by login name, in the signed-in user's organization. */
    private String userId(ConsoleAccess.SignedIn who, String user) {
        if (user == null) {
            throw DomainError.invalidField("user", "a user ID or login name is required");
        }
        if (user.startsWith("usr_")) {
            return user;
        }
        UserFilter byName = new UserFilter.Text(UserFilter.Field.USERNAME, user, UserFilter.Match.EQUALS, true);
        return users.list(who.principal(), byName, UserFilter.Sort.CREATION_DATE, true, 0, 1).items().stream()
                .findFirst().map(User::id)
                .orElseThrow(() -> DomainError.notFound(ErrorIds.USER_NOT_FOUND, "No user has this login name"));
    }

    private HttpResponse render(ConsoleAccess.SignedIn who, String id, HttpStatus status, String notice, String error) {
        ExpressCustomer c = Await.of(customers.get(who.principal(), id));
        List<User> linked = customers.linkedUsers(who.principal(), id);
        List<StudyView> its = studies.list(who.principal(), new StudyFilter(StudyFilter.Reference.ANY,
                new StudyFilter.Reference.Is(id), null, null, null, null), Optional.empty(), STUDIES_SHOWN).page().items();
        // The customer was read above, so it is the caller organization's: its events are the audit trail.
        List<LoggedEvent> events = history.page(c.organizationId(), new EventHistory.Query(Optional.empty(),
                Optional.empty(), Optional.of(c.id()), TIMELINE_SHOWN)).events();
        ActorNames names = new ActorNames(users, who.principal());
        String csrf = guard.csrf(who);
        String self = Layout.ROOT + "/customers/" + c.id();
        StringBuilder sb = new StringBuilder(Html.notice(notice)).append(Html.error(error));
        sb.append("<dl class=\"details\"><dt>ID</dt><dd><code>").append(Html.esc(c.id())).append("</code></dd>")
                .append("<dt>State</dt><dd>").append(c.active() ? "Active" : "<strong>Inactive</strong>").append("</dd>")
                .append("<dt>Users</dt><dd>").append(c.userCount()).append("</dd>")
                .append("<dt>Created</dt><dd>").append(Html.time(c.createdAt())).append("</dd>")
                .append("<dt>Created by</dt><dd>").append(c.createdByUserId() != null
                        ? names.html(dev.roster.domain.Actor.user(c.createdByUserId()))
                        : c.createdByApiKeyId() != null ? names.html(dev.roster.domain.Actor.apiKey(c.createdByApiKeyId()))
                        : "—").append("</dd>")
                .append("<dt>Updated</dt><dd>").append(Html.time(c.updatedAt())).append("</dd></dl>");
        sb.append("<h2>Metadata</h2>");
        if (c.metadata().isEmpty()) {
            sb.append("<p>None.</p>");
        } else {
            sb.append("<dl class=\"details\">");
            c.metadata().values().forEach((k, v) -> sb.append("<dt>").append(Html.esc(k)).append("</dt><dd>")
                    .append(Html.esc(v)).append("</dd>"));
            sb.append("</dl>");
        }
        sb.append("<h2>").append(c.active() ? "Deactivate" : "Reactivate").append("</h2>")
                .append(Html.form(self + (c.active() ? "/deactivate" : "/reactivate"), csrf, "stack narrow",
                        Html.reasonField("lifecycle-reason")
                                + Html.button(c.active() ? "Deactivate customer" : "Reactivate customer")));
        sb.append("<h2>Users</h2>");
        if (linked.isEmpty()) {
            sb.append("<p>No users are linked.</p>");
        } else {
            sb.append("<ul class=\"rows\">");
            for (User u : linked) {
                sb.append("<li><span>").append(Html.esc(u.username())).append(" <code>").append(Html.esc(u.id()))
                        .append("</code> ").append(Html.esc(u.state().name().toLowerCase(java.util.Locale.ROOT)))
                        .append("</span>").append(Html.form(self + "/remove-user", csrf, "inline",
                                "<input type=\"hidden\" name=\"userId\" value=\"" + Html.esc(u.id()) + "\">"
                                        + "<button type=\"submit\">Remove <span class=\"visually-hidden\">"
                                        + Html.esc(u.username()) + "</span></button>"))
                        .append("</li>");
            }
            sb.append("</ul>");
        }
        sb.append(Html.form(self + "/add-user", csrf, "stack narrow",
                "<label for=\"add-user\">Add a user (login name or user ID)</label>"
                        + "<input id=\"add-user\" name=\"user\" required autocomplete=\"off\">"
                        + Html.button("Add user")));
        sb.append("<h2>Studies</h2>");
        if (its.isEmpty()) {
            sb.append("<p>No studies.</p>");
        } else {
            sb.append("<ul>");
            for (StudyView s : its) {
                sb.append("<li>").append(Html.esc(s.study().description())).append(" <code>")
                        .append(Html.esc(s.study().instanceUid())).append("</code>")
                        .append(s.study().cancelledAt() != null ? " (cancelled)" : "").append("</li>");
            }
            sb.append("</ul>");
        }
        sb.append("<h2>Timeline</h2>");
        sb.append("<div class=\"scroll\"><table class=\"timeline\"><caption>Audit events, oldest first</caption><thead><tr>"
                + "<th scope=\"col\">When</th><th scope=\"col\">Event</th><th scope=\"col\">By</th>"
                + "<th scope=\"col\">Reason</th></tr></thead><tbody>");
        for (LoggedEvent e : events) {
            sb.append("<tr><td>").append(Html.time(e.createdAt())).append("</td><td>").append(Html.esc(e.type()))
                    .append("</td><td>").append(names.html(e.actor()))
                    .append("</td><td>").append(Html.esc(e.reason() == null ? "—" : e.reason())).append("</td></tr>");
        }
        sb.append("</tbody></table></div>");
        return Layout.page(status, c.name(), who, csrf, sb.toString());
    }
}
