package dev.roster.http.v2;

import com.google.protobuf.Any;
import com.linecorp.armeria.server.ServiceRequestContext;
import dev.roster.domain.CredentialsCheckFailed;
import dev.roster.domain.DomainError;
import dev.roster.http.ErrorMapping;
import dev.roster.proto.zitadel.v1.CredentialsCheckError;
import dev.roster.proto.zitadel.v1.ErrorDetail;
import io.grpc.StatusRuntimeException;
import io.grpc.protobuf.StatusProto;

/**
 * A failure as a gRPC status: code, {@code "<text> (<ID>)"} and exactly one detail, {@code zitadel.v1.ErrorDetail}
 * (or {@code CredentialsCheckError} for a wrong password). It travels in {@code grpc-status-details-bin}; the REST
 * path turns the same status into JSON ({@link JsonErrors}). What is not a DomainError goes through
 * {@link ErrorMapping#toDomainError}, the one place unexpected failures are logged and hidden.
 */
final class StatusErrors {
    private StatusErrors() {
    }

    static StatusRuntimeException of(Throwable failure) {
        return StatusProto.toStatusRuntimeException(proto(failure));
    }

    /** The {@code google.rpc.Status} of a failure, as {@code grpc-status-details-bin} carries it. */
    static com.google.rpc.Status proto(Throwable failure) {
        if (failure instanceof CredentialsCheckFailed failed) {
            DomainError e = failed.error();
            return status(e, Any.pack(CredentialsCheckError.newBuilder()
                    .setId(e.id())
                    .setMessage(e.text())
                    .setFailedAttempts(failed.failedAttempts())
                    .build()));
        }
        ServiceRequestContext ctx = ServiceRequestContext.currentOrNull();
        DomainError e = ErrorMapping.toDomainError(ctx, failure);
        if (ctx != null) {
            // An HTTP header, so REST, gRPC-Web and gRPC callers all see it beside the status.
            ErrorMapping.announceRetryAfter(ctx, e);
        }
        return status(e, Any.pack(ErrorDetail.newBuilder().setId(e.id()).setMessage(e.text()).build()));
    }

    private static com.google.rpc.Status status(DomainError e, Any detail) {
        return com.google.rpc.Status.newBuilder()
                .setCode(e.code().value())
                .setMessage(e.getMessage())
                .addDetails(detail)
                .build();
    }
}
