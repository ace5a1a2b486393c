package dev.roster.http.v2;

import com.linecorp.armeria.common.RequestContext;
import com.linecorp.armeria.common.grpc.GrpcExceptionHandlerFunction;
import dev.roster.domain.DomainError;
import io.grpc.Metadata;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;

/**
 * The status of a call that failed outside the service methods, such as a request that does not parse: a
 * {@link DomainError} raised there keeps its code and its one ErrorDetail, as if a method had raised it. Armeria's
 * own mapping would have made it UNKNOWN without details.
 */
final class GrpcFailures implements GrpcExceptionHandlerFunction {
    private static final GrpcExceptionHandlerFunction ARMERIA = GrpcExceptionHandlerFunction.of();

    @Override
    public Status apply(RequestContext ctx, Status status, Throwable cause, Metadata metadata) {
        DomainError error = domainError(cause);
        if (error == null) {
            return ARMERIA.apply(ctx, status, cause, metadata);
        }
        StatusRuntimeException failure = StatusErrors.of(error);
        if (failure.getTrailers() != null) {
            metadata.merge(failure.getTrailers());
        }
        return failure.getStatus();
    }

    private static DomainError domainError(Throwable t) {
        for (Throwable cause = t; cause != null; cause = cause.getCause()) {
            if (cause instanceof DomainError e) {
                return e;
            }
        }
        return null;
    }
}
