package dev.roster.http.v2;

import com.linecorp.armeria.common.HttpMethod;
import com.linecorp.armeria.common.HttpRequest;
import com.linecorp.armeria.common.HttpResponse;
import com.linecorp.armeria.common.HttpStatus;
import com.linecorp.armeria.common.SerializationFormat;
import com.linecorp.armeria.server.HttpService;
import com.linecorp.armeria.server.HttpStatusException;
import com.linecorp.armeria.server.Route;
import com.linecorp.armeria.server.ServiceRequestContext;

/**
 * The paths of gRPC methods Roster does not serve ({@code /zitadel.user.v2.UserService/AddIDPLink}, or a service it
 * does not have), bound as a service of their own so that the CORS decorator of the served methods answers a
 * browser here too: a gRPC-Web page then reads UNIMPLEMENTED, not a network error. Anything but a framed gRPC call
 * is the plain 404 it would have been.
 */
final class UnknownGrpcMethods implements HttpService {
    /** {@code /package.Service/Method}: a dotted first segment, which no REST, console or v1 path has. */
    static final Route ROUTE = Route.builder().regex("^/\\w+(\\.\\w+)+/[^/]+$").build();

    @Override
    public HttpResponse serve(ServiceRequestContext ctx, HttpRequest req) {
        SerializationFormat format = GrpcErrorAnswers.framedFormat(req.contentType());
        if (format == null || req.method() != HttpMethod.POST) {
            throw HttpStatusException.of(HttpStatus.NOT_FOUND);
        }
        return HttpResponse.of(GrpcErrorAnswers.unimplemented(format, ctx.path()));
    }
}
