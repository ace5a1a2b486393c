package dev.roster.http;

import com.linecorp.armeria.common.HttpRequest;
import com.linecorp.armeria.common.HttpResponse;
import com.linecorp.armeria.server.DecoratingHttpServiceFunction;
import com.linecorp.armeria.server.HttpService;
import com.linecorp.armeria.server.ServiceRequestContext;
import dev.roster.domain.Ids;

/** Every response carries {@code X-Request-Id}; the same ID appears in the server log for that request. */
public final class RequestIds implements DecoratingHttpServiceFunction {
    public static final String HEADER = "x-request-id";

    public static String of(ServiceRequestContext ctx) {
        return "req_" + ctx.id().text();
    }

    static String fresh() {
        return "req_" + Ids.randomHex(8);
    }

    @Override
    public HttpResponse serve(HttpService delegate, ServiceRequestContext ctx, HttpRequest req) throws Exception {
        ctx.setAdditionalResponseHeader(HEADER, of(ctx));
        return delegate.serve(ctx, req);
    }
}
