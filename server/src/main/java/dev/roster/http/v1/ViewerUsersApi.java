package dev.roster.http.v1;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.linecorp.armeria.common.AggregatedHttpRequest;
import com.linecorp.armeria.common.HttpResponse;
import com.linecorp.armeria.common.QueryParams;
import com.linecorp.armeria.server.ServiceRequestContext;
import com.linecorp.armeria.server.annotation.Blocking;
import com.linecorp.armeria.server.annotation.Get;
import com.linecorp.armeria.server.annotation.Param;
import com.linecorp.armeria.server.annotation.Patch;
import com.linecorp.armeria.server.annotation.Post;
import dev.roster.app.ViewerUsers;
import dev.roster.domain.ClinicRole;
import dev.roster.domain.DomainError;
import dev.roster.domain.InvitedSource;
import dev.roster.domain.UserLevel;
import dev.roster.domain.ViewerUserFilter;
import dev.roster.http.Authentication;
import dev.roster.http.JsonBody;
import dev.roster.http.Reasons;
import dev.roster.http.Wire;
import java.util.List;

/**
 * Avara Viewer users, {@code /v1/viewer/users…} (avara-v1.md §4). {@code /reactivate} and {@code /revoke-access}
 * are exact paths, matched before the {@code {userId}} pattern.
 */
@Blocking
public final class ViewerUsersApi {
    private final ViewerUsers users;

    public ViewerUsersApi(ViewerUsers users) {
        this.users = users;
    }

    @Post("/v1/viewer/users")
    public HttpResponse invite(ServiceRequestContext ctx, AggregatedHttpRequest req) {
        JsonBody body = JsonBody.of(req);
        var invite = new ViewerUsers.Invite(
                body.requiredString("email"),
                body.requiredString("firstName"),
                body.requiredString("lastName"),
                body.optionalString("middleName"),
                body.optionalString("suffix1"),
                body.optionalString("suffix2"),
                body.optionalString("phoneNumber"),
                ClinicRole.parse("clinicRole", body.requiredString("clinicRole")),
                UserLevel.parseAssignable("level", body.requiredString("level")),
                requiredBoolean(body, "canManageStudies"),
                requiredBoolean(body, "hasDashboardAccess"));
        var invited = users.invite(Authentication.principal(ctx), Reasons.of(req.headers()), invite);
        return Wire.json(ViewerUserJson.of(invited));
    }

    @Get("/v1/viewer/users/{userId}")
    public HttpResponse retrieve(ServiceRequestContext ctx, @Param("userId") String id) {
        return Wire.json(ViewerUserJson.of(users.get(Authentication.principal(ctx), id)));
    }

    @Patch("/v1/viewer/users/{userId}")
    public HttpResponse update(ServiceRequestContext ctx, @Param("userId") String id, AggregatedHttpRequest req) {
        JsonBody body = JsonBody.of(req);
        if (body.isNull("clinicRole")) {
            // Declared nullable by the SDKs, but a user always has a role (avara-v1.md §6.0 item 21).
            throw DomainError.invalidField("clinicRole", "cannot be null");
        }
        var changes = new ViewerUsers.Changes(
                body.optionalString("firstName"),
                body.optionalString("lastName"),
                change(body, "middleName"),
                change(body, "suffix1"),
                change(body, "suffix2"),
                change(body, "phoneNumber"),
                body.has("clinicRole") ? ClinicRole.parse("clinicRole", body.string("clinicRole")) : null,
                body.has("level") ? UserLevel.parseAssignable("level", body.string("level")) : null,
                optionalBoolean(body, "canManageStudies"),
                optionalBoolean(body, "hasDashboardAccess"));
        var updated = users.update(Authentication.principal(ctx), Reasons.of(req.headers()), id, changes);
        return Wire.json(ViewerUserJson.of(updated));
    }

    @Get("/v1/viewer/users")
    public HttpResponse list(ServiceRequestContext ctx, QueryParams query) {
        ListParams params = ListParams.of(query);
        var filter = new ViewerUserFilter(
                ListParams.single(query, "email").orElse(null),
                ListParams.single(query, "firstName").orElse(null),
                ListParams.single(query, "lastName").orElse(null),
                ListParams.single(query, "invitedSource").map(v -> InvitedSource.parse("invitedSource", v)).orElse(null),
                ListParams.single(query, "level").map(v -> UserLevel.parse("level", v)).orElse(null));
        ViewerUsers.Listing listing = users.list(Authentication.principal(ctx), filter, params.cursor(), params.limit());
        List<ViewerUserJson> items = listing.page().items().stream().map(ViewerUserJson::of).toList();
        return Wire.json(new ListJson(items, listing.page().hasMore(), listing.nextCursor().orElse(null)));
    }

    @Post("/v1/viewer/users/reactivate")
    public HttpResponse reactivate(ServiceRequestContext ctx, AggregatedHttpRequest req) {
        String userId = JsonBody.of(req).requiredString("userId");
        users.reactivate(Authentication.principal(ctx), Reasons.of(req.headers()), userId);
        return Wire.json(SuccessJson.ok("User access restored"));
    }

    @Post("/v1/viewer/users/revoke-access")
    public HttpResponse revokeAccess(ServiceRequestContext ctx, AggregatedHttpRequest req) {
        String userId = JsonBody.of(req).requiredString("userId");
        users.revokeAccess(Authentication.principal(ctx), Reasons.of(req.headers()), userId);
        return Wire.json(SuccessJson.ok("User access revoked"));
    }

    /** Absent: unchanged; {@code null}: cleared; a string: the new value. */
    private static ViewerUsers.Change change(JsonBody body, String field) {
        if (!body.has(field)) {
            return null;
        }
        return new ViewerUsers.Change(body.isNull(field) ? null : body.string(field));
    }

    private static boolean requiredBoolean(JsonBody body, String field) {
        if (!body.has(field)) {
            throw DomainError.invalidField(field, "value is required");
        }
        return body.bool(field);
    }

    private static Boolean optionalBoolean(JsonBody body, String field) {
        return body.has(field) ? body.bool(field) : null;
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    record ListJson(List<ViewerUserJson> users, boolean hasMore, String cursor) {
    }
}
