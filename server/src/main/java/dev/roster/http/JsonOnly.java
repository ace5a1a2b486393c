package dev.roster.http;

import com.linecorp.armeria.common.HttpRequest;
import com.linecorp.armeria.common.HttpResponse;
import com.linecorp.armeria.common.MediaType;
import com.linecorp.armeria.server.DecoratingHttpServiceFunction;
import com.linecorp.armeria.server.HttpService;
import com.linecorp.armeria.server.ServiceRequestContext;
import dev.roster.domain.DomainError;

/**
 * v1 bodies are JSON, read whatever the Content-Type says, except multipart: for a multipart type Armeria's
 * annotated services decode the body as form parts before Roster sees it, and a body that is not such parts failed
 * there as an internal error. It is refused up front instead.
 */
final class JsonOnly implements DecoratingHttpServiceFunction {
    @Override
    public HttpResponse serve(HttpService delegate, ServiceRequestContext ctx, HttpRequest req) throws Exception {
        MediaType type = req.contentType();
        if (type != null && type.is(MediaType.ANY_MULTIPART_TYPE)) {
            throw DomainError.invalidField("Content-Type header", "multipart bodies are not accepted; send application/json");
        }
        return delegate.serve(ctx, req);
    }
}
