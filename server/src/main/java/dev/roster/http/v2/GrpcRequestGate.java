package dev.roster.http.v2;

import com.linecorp.armeria.common.HttpMethod;
import com.linecorp.armeria.common.HttpRequest;
import com.linecorp.armeria.common.HttpResponse;
import com.linecorp.armeria.common.HttpStatus;
import com.linecorp.armeria.common.MediaType;
import com.linecorp.armeria.server.DecoratingHttpServiceFunction;
import com.linecorp.armeria.server.HttpService;
import com.linecorp.armeria.server.HttpStatusException;
import com.linecorp.armeria.server.ServiceRequestContext;
import dev.roster.domain.Code;
import dev.roster.domain.DomainError;
import dev.roster.domain.ErrorIds;
import java.util.Set;

/**
 * On a gRPC method path ({@code /zitadel.user.v2.UserService/GetUserByID}), refuses in the one JSON error shape what
 * Armeria would answer in plain text: a method other than POST, and a Content-Type that neither gRPC, gRPC-Web nor
 * unframed protobuf/JSON speaks. REST paths pass untouched.
 */
final class GrpcRequestGate implements DecoratingHttpServiceFunction {
    private static final MediaType[] UNFRAMED = {
        MediaType.PROTOBUF, MediaType.X_PROTOBUF, MediaType.X_GOOGLE_PROTOBUF, MediaType.JSON
    };

    private final Set<String> methodPaths;

    GrpcRequestGate(Set<String> methodPaths) {
        this.methodPaths = Set.copyOf(methodPaths);
    }

    @Override
    public HttpResponse serve(HttpService delegate, ServiceRequestContext ctx, HttpRequest req) throws Exception {
        if (!methodPaths.contains(ctx.path())) {
            return delegate.serve(ctx, req);
        }
        if (req.method() != HttpMethod.POST) {
            throw HttpStatusException.of(HttpStatus.METHOD_NOT_ALLOWED);
        }
        MediaType type = req.contentType();
        if (type == null || (GrpcErrorAnswers.framedFormat(type) == null && !unframed(type))) {
            throw new DomainError(Code.INVALID_ARGUMENT, ErrorIds.REQUEST_REJECTED, "Content-Type must be "
                    + "application/grpc, application/grpc-web, application/grpc-web-text, application/protobuf or "
                    + "application/json on a gRPC method path");
        }
        return delegate.serve(ctx, req);
    }

    private static boolean unframed(MediaType type) {
        for (MediaType accepted : UNFRAMED) {
            if (type.is(accepted)) {
                return true;
            }
        }
        return false;
    }
}
