package dev.roster.http.v1;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.linecorp.armeria.common.AggregatedHttpRequest;
import com.linecorp.armeria.common.HttpResponse;
import com.linecorp.armeria.common.QueryParams;
import com.linecorp.armeria.server.ServiceRequestContext;
import com.linecorp.armeria.server.annotation.Blocking;
import com.linecorp.armeria.server.annotation.Delete;
import com.linecorp.armeria.server.annotation.Get;
import com.linecorp.armeria.server.annotation.Param;
import com.linecorp.armeria.server.annotation.Patch;
import com.linecorp.armeria.server.annotation.Post;
import dev.roster.app.Customers;
import dev.roster.domain.ExpressCustomer;
import dev.roster.domain.Metadata;
import dev.roster.domain.Principal;
import dev.roster.http.Authentication;
import dev.roster.http.JsonBody;
import dev.roster.http.Reasons;
import dev.roster.http.Wire;
import java.util.List;
import java.util.Optional;

/**
 * Avara Express customers, {@code /v1/express…} (avara-v1.md §2). Reads and lifecycle transitions are queued for the
 * database straight from the event loop and answered there (see {@link Wire#json(ServiceRequestContext,
 * java.util.concurrent.CompletionStage, java.util.function.Function)}); a customer already in memory is answered
 * at once. The other writes run on the blocking executor.
 */
public final class ExpressApi {
    private final Customers customers;

    public ExpressApi(Customers customers) {
        this.customers = customers;
    }

    @Blocking
    @Post("/v1/express")
    public HttpResponse create(ServiceRequestContext ctx, AggregatedHttpRequest req) {
        JsonBody body = JsonBody.of(req);
        String name = body.requiredString("expressCustomerName");
        Metadata metadata = body.has("metadata") ? body.metadata("metadata") : Metadata.EMPTY;
        var created = customers.create(Authentication.principal(ctx), Reasons.of(req.headers()),
                new Customers.NewCustomer(name, metadata));
        return Wire.json(ExpressCustomerJson.of(created));
    }

    @Get("/v1/express/{expressCustomerId}")
    public HttpResponse retrieve(ServiceRequestContext ctx, @Param("expressCustomerId") String id) {
        Principal who = Authentication.principal(ctx);
        Optional<ExpressCustomer> cached = customers.cached(who, id);
        if (cached.isPresent()) {
            return Wire.json(ExpressCustomerJson.of(cached.get()));
        }
        return Wire.json(ctx, customers.get(who, id, ctx.eventLoop()), ExpressCustomerJson::of);
    }

    @Blocking
    @Patch("/v1/express/{expressCustomerId}")
    public HttpResponse update(ServiceRequestContext ctx, @Param("expressCustomerId") String id,
                               AggregatedHttpRequest req) {
        JsonBody body = JsonBody.of(req);
        String name = body.has("expressCustomerName") ? body.string("expressCustomerName") : null;
        Metadata metadata = body.metadataChange("metadata");
        var updated = customers.update(Authentication.principal(ctx), Reasons.of(req.headers()), id,
                new Customers.CustomerChanges(name, metadata));
        return Wire.json(ExpressCustomerJson.of(updated));
    }

    @Get("/v1/express")
    public HttpResponse list(ServiceRequestContext ctx, QueryParams query) {
        ListParams params = ListParams.of(query);
        return Wire.json(ctx, customers.list(Authentication.principal(ctx), params.cursor(), params.limit()),
                listing -> new ListJson(listing.page().items().stream().map(ExpressCustomerJson::of).toList(),
                        listing.page().hasMore(), listing.nextCursor().orElse(null)));
    }

    /**
     * Bodiless: whatever body arrives (none, empty, JSON) is ignored, as the SDKs differ here. Not blocking: the
     * write is queued from the event loop and answered there once durable, with no thread waiting for it.
     */
    @Post("/v1/express/{expressCustomerId}/deactivate")
    public HttpResponse deactivate(ServiceRequestContext ctx, @Param("expressCustomerId") String id) {
        var customer = customers.deactivate(Authentication.principal(ctx), Reasons.of(ctx.request().headers()), id);
        return Wire.json(ctx, customer, ExpressCustomerJson::of);
    }

    @Post("/v1/express/{expressCustomerId}/reactivate")
    public HttpResponse reactivate(ServiceRequestContext ctx, @Param("expressCustomerId") String id) {
        var customer = customers.reactivate(Authentication.principal(ctx), Reasons.of(ctx.request().headers()), id);
        return Wire.json(ctx, customer, ExpressCustomerJson::of);
    }

    /** Links a user to the customer (avara-v1.md §2.3.6, §6.0 item 10). */
    @Blocking
    @Post("/v1/express/{expressCustomerId}/users")
    public HttpResponse addUser(ServiceRequestContext ctx, @Param("expressCustomerId") String id,
                                AggregatedHttpRequest req) {
        customers.addUser(Authentication.principal(ctx), Reasons.of(req.headers()), id, userId(req));
        return Wire.json(SuccessJson.ok("User added to Express customer"));
    }

    /** DELETE with a JSON body, as the SDKs send it; allowed on an inactive customer (§6.0 items 10 and 34). */
    @Blocking
    @Delete("/v1/express/{expressCustomerId}/users")
    public HttpResponse removeUser(ServiceRequestContext ctx, @Param("expressCustomerId") String id,
                                   AggregatedHttpRequest req) {
        customers.removeUser(Authentication.principal(ctx), Reasons.of(req.headers()), id, userId(req));
        return Wire.json(SuccessJson.ok("User removed from Express customer"));
    }

    private static String userId(AggregatedHttpRequest req) {
        return JsonBody.of(req).requiredString("userId");
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    record ListJson(List<ExpressCustomerJson> expressCustomers, boolean hasMore, String cursor) {
    }
}
