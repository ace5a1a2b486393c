package dev.roster.http.v2;

import com.google.protobuf.InvalidProtocolBufferException;
import com.linecorp.armeria.common.RequestContext;
import com.linecorp.armeria.common.grpc.GrpcExceptionHandlerFunction;
import com.linecorp.armeria.server.RequestTimeoutException;
import com.linecorp.armeria.server.ServiceRequestContext;
import dev.roster.domain.Code;
import dev.roster.domain.DomainError;
import dev.roster.domain.ErrorIds;
import dev.roster.http.ErrorMapping;
import io.grpc.Metadata;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import java.util.zip.ZipException;

/**
 * The status of a call that failed outside the service methods: a request that does not parse, a frame that breaks
 * the gRPC framing, a message over the size limit, a call past its deadline. Each becomes a {@link DomainError} with
 * its one ErrorDetail, as if a method had raised it; Armeria's own mapping would have made these INTERNAL or UNKNOWN
 * without details, quoting its class names in {@code grpc-message}.
 */
final class GrpcFailures implements GrpcExceptionHandlerFunction {
    private static final GrpcExceptionHandlerFunction ARMERIA = GrpcExceptionHandlerFunction.of();

    @Override
    public Status apply(RequestContext ctx, Status status, Throwable cause, Metadata metadata) {
        if (ErrorMapping.clientWentAway(cause)) {
            // Nobody is left to read an answer; Armeria needs its own CANCELLED status to skip writing one.
            return ARMERIA.apply(ctx, status, cause, metadata);
        }
        StatusRuntimeException failure = StatusErrors.of(toDomainError(ctx, cause));
        if (failure.getTrailers() != null) {
            metadata.merge(failure.getTrailers());
        }
        return failure.getStatus();
    }

    /** What a client is told about a call that failed in transport rather than in a service method. */
    static DomainError toDomainError(RequestContext ctx, Throwable cause) {
        DomainError own = find(cause, DomainError.class);
        if (own != null) {
            return own;
        }
        if (find(cause, RequestTimeoutException.class) != null) {
            return new DomainError(Code.DEADLINE_EXCEEDED, ErrorIds.DEADLINE_EXCEEDED,
                    "The call did not complete before its deadline");
        }
        Status.Code code = Status.fromThrowable(cause).getCode();
        if (code == Status.Code.RESOURCE_EXHAUSTED) {
            // Armeria's deframer checks the length prefix and, for a compressed frame, what it inflates to.
            return new DomainError(Code.RESOURCE_EXHAUSTED, ErrorIds.MESSAGE_TOO_LARGE,
                    "The request message is larger than 1 MiB");
        }
        if (unreadable(cause, code)) {
            return new DomainError(Code.INVALID_ARGUMENT, ErrorIds.MALFORMED_MESSAGE,
                    "The request message could not be read: check its framing, compression and encoding");
        }
        return ErrorMapping.toDomainError(ctx instanceof ServiceRequestContext s ? s : null, cause);
    }

    /**
     * Armeria's deframer reports a broken frame header or a compressed frame without {@code grpc-encoding} as INTERNAL,
     * a frame shorter than its length prefix as an index out of bounds, and gRPC-Web text that is not base64 (or a
     * {@code grpc-timeout} that is not a number) as an illegal argument.
     */
    private static boolean unreadable(Throwable cause, Status.Code code) {
        return code == Status.Code.INTERNAL || code == Status.Code.INVALID_ARGUMENT
                || find(cause, InvalidProtocolBufferException.class) != null
                || find(cause, ZipException.class) != null
                || find(cause, IllegalArgumentException.class) != null
                || find(cause, IndexOutOfBoundsException.class) != null;
    }

    private static <T extends Throwable> T find(Throwable t, Class<T> type) {
        for (Throwable cause = t; cause != null; cause = cause.getCause()) {
            if (type.isInstance(cause)) {
                return type.cast(cause);
            }
        }
        return null;
    }
}
