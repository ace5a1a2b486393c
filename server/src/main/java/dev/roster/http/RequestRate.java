package dev.roster.http;

import com.linecorp.armeria.common.HttpRequest;
import com.linecorp.armeria.common.HttpResponse;
import com.linecorp.armeria.server.DecoratingHttpServiceFunction;
import com.linecorp.armeria.server.HttpService;
import com.linecorp.armeria.server.ServiceRequestContext;
import dev.roster.app.RateLimiter;
import dev.roster.domain.DomainError;

/**
 * Counts each request against its API key's rate limit, behind {@link Authentication}: an unknown key is refused as
 * such (401) and never fills a bucket. The v2 calls share the same buckets (see {@code GrpcCalls}).
 */
final class RequestRate implements DecoratingHttpServiceFunction {
    private final RateLimiter requests;

    RequestRate(RateLimiter requests) {
        this.requests = requests;
    }

    @Override
    public HttpResponse serve(HttpService delegate, ServiceRequestContext ctx, HttpRequest req) throws Exception {
        try {
            requests.admit(Authentication.principal(ctx).apiKeyId());
        } catch (DomainError e) {
            return ErrorMapping.response(ctx, e).toHttpResponse();
        }
        return delegate.serve(ctx, req);
    }
}
