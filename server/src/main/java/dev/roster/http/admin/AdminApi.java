package dev.roster.http.admin;

import com.linecorp.armeria.common.AggregatedHttpRequest;
import com.linecorp.armeria.common.HttpResponse;
import com.linecorp.armeria.server.ServiceRequestContext;
import com.linecorp.armeria.server.annotation.Blocking;
import com.linecorp.armeria.server.annotation.Delete;
import com.linecorp.armeria.server.annotation.Get;
import com.linecorp.armeria.server.annotation.Param;
import com.linecorp.armeria.server.annotation.Post;
import dev.roster.app.ApiKeys;
import dev.roster.app.Organizations;
import dev.roster.domain.Principal;
import dev.roster.http.Authentication;
import dev.roster.http.JsonBody;
import dev.roster.http.Wire;
import dev.roster.http.admin.AdminJson.ApiKeyJson;
import dev.roster.http.admin.AdminJson.ApiKeyListJson;
import dev.roster.http.admin.AdminJson.OrganizationJson;

/** Organizations and their API keys; the instance-admin key only (others: 403). */
@Blocking
public final class AdminApi {
    private final Organizations organizations;
    private final ApiKeys apiKeys;

    public AdminApi(Organizations organizations, ApiKeys apiKeys) {
        this.organizations = organizations;
        this.apiKeys = apiKeys;
    }

    @Post("/v1/organizations")
    public HttpResponse createOrganization(ServiceRequestContext ctx, AggregatedHttpRequest req) {
        Principal who = admin(ctx);
        String name = JsonBody.of(req).requiredString("name");
        return Wire.json(OrganizationJson.of(organizations.create(who, name)));
    }

    @Post("/v1/organizations/{organizationId}/api-keys")
    public HttpResponse createKey(ServiceRequestContext ctx, @Param("organizationId") String organizationId,
                                  AggregatedHttpRequest req) {
        Principal who = admin(ctx);
        String name = JsonBody.of(req).requiredString("name");
        ApiKeys.CreatedKey created = apiKeys.create(who, organizationId, name);
        return Wire.json(ApiKeyJson.of(created.key(), created.secret()));
    }

    @Get("/v1/organizations/{organizationId}/api-keys")
    public HttpResponse listKeys(ServiceRequestContext ctx, @Param("organizationId") String organizationId) {
        var keys = apiKeys.list(admin(ctx), organizationId).stream().map(k -> ApiKeyJson.of(k, null)).toList();
        return Wire.json(new ApiKeyListJson(keys, false));
    }

    @Delete("/v1/organizations/{organizationId}/api-keys/{apiKeyId}")
    public HttpResponse revokeKey(ServiceRequestContext ctx, @Param("organizationId") String organizationId,
                                  @Param("apiKeyId") String apiKeyId) {
        return Wire.json(ApiKeyJson.of(apiKeys.revoke(admin(ctx), organizationId, apiKeyId), null));
    }

    /** Authorization comes before any body validation or lookup. */
    private static Principal admin(ServiceRequestContext ctx) {
        Principal who = Authentication.principal(ctx);
        who.requireInstanceAdmin();
        return who;
    }
}
