package dev.roster.http.console;

import com.linecorp.armeria.common.AggregatedHttpRequest;
import com.linecorp.armeria.common.HttpResponse;
import com.linecorp.armeria.common.HttpStatus;
import com.linecorp.armeria.common.QueryParams;
import com.linecorp.armeria.server.ServiceRequestContext;
import com.linecorp.armeria.server.annotation.Blocking;
import com.linecorp.armeria.server.annotation.ExceptionHandler;
import com.linecorp.armeria.server.annotation.Get;
import com.linecorp.armeria.server.annotation.Post;
import dev.roster.app.ConsoleAccess;
import dev.roster.app.Customers;
import dev.roster.domain.DomainError;
import dev.roster.domain.ExpressCustomer;
import dev.roster.domain.Metadata;
import dev.roster.http.ErrorMapping;
import dev.roster.store.Listed;
import java.util.ArrayList;
import java.util.List;

/** Express customers: the list (search, state filter, pages), create, and bulk deactivate or reactivate. */
@ExceptionHandler(ConsoleErrors.class)
final class CustomersPage {
    /** A bulk change takes at most one page of customers. */
    static final int MAX_BULK = 100;

    private final Guard guard;
    private final Customers customers;

    CustomersPage(Guard guard, Customers customers) {
        this.guard = guard;
        this.customers = customers;
    }

    @Blocking
    @Get("/console/customers")
    public HttpResponse list(ServiceRequestContext ctx) {
        ConsoleAccess.SignedIn who = guard.signedIn(ctx.request().headers());
        return render(who, Form.query(ctx), HttpStatus.OK, Notices.of(ctx), null);
    }

    @Blocking
    @Post("/console/customers")
    public HttpResponse create(ServiceRequestContext ctx, AggregatedHttpRequest req) {
        Form form = Form.of(req);
        ConsoleAccess.SignedIn who = guard.forChange(req.headers(), form);
        ExpressCustomer created;
        try {
            Metadata metadata = MetadataField.parse(form.params().get("metadata"));
            created = customers.create(who.principal(), null,
                    new Customers.NewCustomer(form.params().get("name"), metadata));
        } catch (DomainError e) {
            return render(who, new Form(QueryParams.of()), ErrorMapping.httpStatus(e.code()), null,
                    "The customer was not created: " + e.text());
        }
        return Layout.redirect(Layout.ROOT + "/customers/" + created.id() + "?done=created");
    }

    @Blocking
    @Post("/console/customers/bulk")
    public HttpResponse bulk(ServiceRequestContext ctx, AggregatedHttpRequest req) {
        Form form = Form.of(req);
        ConsoleAccess.SignedIn who = guard.forChange(req.headers(), form);
        String action = form.get("action");
        String reason = form.get("reason");
        List<String> ids = form.all("id");
        String problem = ids.isEmpty() ? "Select at least one customer."
                : ids.size() > MAX_BULK ? "Select at most " + MAX_BULK + " customers."
                : reason == null ? "A reason is required."
                : !"deactivate".equals(action) && !"reactivate".equals(action) ? "Choose deactivate or reactivate."
                : null;
        if (problem != null) {
            return render(who, new Form(QueryParams.of()), HttpStatus.BAD_REQUEST, null, problem);
        }
        String safeReason = Reasons.require(reason);
        StringBuilder rows = new StringBuilder();
        for (String id : ids) {
            String outcome;
            String name = id;
            try {
                ExpressCustomer c = Await.of(action.equals("deactivate")
                        ? customers.deactivate(who.principal(), safeReason, id)
                        : customers.reactivate(who.principal(), safeReason, id));
                name = c.name();
                outcome = c.active() ? "Active" : "Inactive";
            } catch (DomainError e) {
                outcome = "Failed: " + e.text();
            }
            rows.append("<tr><td>").append(Html.esc(name)).append("</td><td><code>").append(Html.esc(id))
                    .append("</code></td><td>").append(Html.esc(outcome)).append("</td></tr>");
        }
        String body = "<p>" + Html.esc((action.equals("deactivate") ? "Deactivate" : "Reactivate") + " with reason “"
                + safeReason + "”:") + "</p><div class=\"scroll\"><table><caption>Result per customer</caption>"
                + "<thead><tr><th scope=\"col\">Customer</th><th scope=\"col\">ID</th><th scope=\"col\">Now</th></tr>"
                + "</thead><tbody>" + rows + "</tbody></table></div><p><a href=\"" + Layout.ROOT
                + "/customers\">Back to the customers</a></p>";
        return Layout.page(HttpStatus.OK, "Bulk " + action, who, guard.csrf(who), body);
    }

    private HttpResponse render(ConsoleAccess.SignedIn who, Form query, HttpStatus status, String notice,
                                String error) {
        String q = query.get("q");
        String state = query.get("state");
        Boolean active = "active".equals(state) ? Boolean.TRUE : "inactive".equals(state) ? Boolean.FALSE : null;
        int page = query.page();
        Listed<ExpressCustomer> found = customers.search(who.principal(), q, active,
                Paging.offsetOf(page), Paging.SIZE);
        Paging paging = new Paging(page, found.total());
        String csrf = guard.csrf(who);
        StringBuilder sb = new StringBuilder(Html.notice(notice)).append(Html.error(error));
        sb.append("<form method=\"get\" action=\"").append(Layout.ROOT).append("/customers\" class=\"filters\" role=\"search\">")
                .append("<div><label for=\"q\">Name contains</label><input id=\"q\" name=\"q\" type=\"search\" value=\"")
                .append(Html.esc(q)).append("\"></div>")
                .append("<div><label for=\"state\">State</label><select id=\"state\" name=\"state\">")
                .append(option("", "Any", state)).append(option("active", "Active", state))
                .append(option("inactive", "Inactive", state)).append("</select></div>")
                .append(Html.button("Search")).append("</form>");
        sb.append(Html.form(Layout.ROOT + "/customers/bulk", csrf, "bulk", table(found.items())
                + "<fieldset><legend>Change the selected customers</legend>"
                + "<label for=\"bulk-action\">Action</label><select id=\"bulk-action\" name=\"action\">"
                + "<option value=\"deactivate\">Deactivate</option><option value=\"reactivate\">Reactivate</option>"
                + "</select>" + Html.reasonField("bulk-reason") + Html.button("Apply to selected") + "</fieldset>"));
        String base = Layout.ROOT + "/customers?" + (q == null ? "" : "q=" + java.net.URLEncoder.encode(q,
                java.nio.charset.StandardCharsets.UTF_8) + "&") + (state == null ? "" : "state=" + state + "&");
        sb.append(paging.nav(base, found.items().size()));
        sb.append("<h2>New customer</h2>").append(Html.form(Layout.ROOT + "/customers", csrf, "stack narrow",
                "<label for=\"name\">Name</label><input id=\"name\" name=\"name\" required maxlength=\"255\">"
                        + "<label for=\"metadata\">Metadata <span class=\"hint\">(optional, one key=value per line)</span></label>"
                        + "<textarea id=\"metadata\" name=\"metadata\" rows=\"3\"></textarea>"
                        + Html.button("Create customer")));
        return Layout.page(status, "Express customers", who, csrf, sb.toString());
    }

    private static String table(List<ExpressCustomer> items) {
        if (items.isEmpty()) {
            return "<p>No customers match.</p>";
        }
        StringBuilder sb = new StringBuilder("<div class=\"scroll\"><table><caption>Customers, newest first</caption><thead><tr>"
                + "<th scope=\"col\"><span class=\"visually-hidden\">Select</span></th><th scope=\"col\">Name</th>"
                + "<th scope=\"col\">State</th><th scope=\"col\">Users</th><th scope=\"col\" class=\"wide-only\">Created</th></tr></thead><tbody>");
        for (ExpressCustomer c : items) {
            String box = "sel-" + c.id();
            sb.append("<tr><td><input type=\"checkbox\" name=\"id\" value=\"").append(Html.esc(c.id()))
                    .append("\" id=\"").append(Html.esc(box)).append("\"><label class=\"visually-hidden\" for=\"")
                    .append(Html.esc(box)).append("\">Select ").append(Html.esc(c.name())).append("</label></td>")
                    .append("<td><a href=\"").append(Layout.ROOT).append("/customers/").append(Html.esc(c.id()))
                    .append("\">").append(Html.esc(c.name())).append("</a></td><td>")
                    .append(c.active() ? "Active" : "<strong>Inactive</strong>").append("</td><td>")
                    .append(c.userCount()).append("</td><td class=\"wide-only\">").append(Html.time(c.createdAt())).append("</td></tr>");
        }
        return sb.append("</tbody></table></div>").toString();
    }

    private static String option(String value, String text, String selected) {
        boolean sel = value.equals(selected == null ? "" : selected);
        return "<option value=\"" + value + "\"" + (sel ? " selected" : "") + ">" + text + "</option>";
    }
}
