package dev.roster.http.v2;

import com.linecorp.armeria.common.AggregatedHttpResponse;
import com.linecorp.armeria.common.HttpMethod;
import com.linecorp.armeria.common.HttpResponse;
import com.linecorp.armeria.common.HttpStatus;
import com.linecorp.armeria.common.MediaType;
import com.linecorp.armeria.common.RequestHeaders;
import com.linecorp.armeria.common.ResponseHeaders;
import com.linecorp.armeria.common.SerializationFormat;
import com.linecorp.armeria.common.grpc.GrpcSerializationFormats;
import com.linecorp.armeria.server.ServiceConfig;
import com.linecorp.armeria.server.ServerErrorHandler;
import com.linecorp.armeria.server.ServiceRequestContext;
import dev.roster.domain.Code;
import dev.roster.domain.DomainError;
import dev.roster.domain.ErrorIds;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Set;

/**
 * A gRPC or gRPC-Web call that fails before its call starts (a {@code grpc-timeout} already past, say) is answered
 * the way gRPC clients read errors: HTTP 200 with {@code grpc-status}, {@code grpc-message} and
 * {@code grpc-status-details-bin} in the headers (trailers-only). So is a call of a method Roster does not serve:
 * UNIMPLEMENTED. Anything else (REST, unframed, a method other than POST) is left to the next handler.
 */
final class GrpcErrorAnswers implements ServerErrorHandler {
    private final Set<String> methodPaths;

    GrpcErrorAnswers(Set<String> methodPaths) {
        this.methodPaths = Set.copyOf(methodPaths);
    }

    @Override
    public HttpResponse onServiceException(ServiceRequestContext ctx, Throwable cause) {
        SerializationFormat format = framedFormat(ctx.request().contentType());
        if (format == null || ctx.method() != HttpMethod.POST || !methodPaths.contains(ctx.path())) {
            return null;
        }
        return HttpResponse.of(trailersOnly(format, GrpcFailures.toDomainError(ctx, cause)));
    }

    /**
     * A call of a path no service has, {@link UnknownGrpcMethods} aside (a path without a package): what a gRPC
     * server says of a method it does not have, not an HTTP 404.
     */
    @Override
    public AggregatedHttpResponse renderStatus(ServiceRequestContext ctx, ServiceConfig config, RequestHeaders headers,
                                               HttpStatus status, String description, Throwable cause) {
        SerializationFormat format = headers == null ? null : framedFormat(headers.contentType());
        if (format == null || status != HttpStatus.NOT_FOUND || headers.method() != HttpMethod.POST) {
            return null;
        }
        return AggregatedHttpResponse.of(unimplemented(format, headers.path()));
    }

    /** What a gRPC server answers a call of a method it does not have. */
    static ResponseHeaders unimplemented(SerializationFormat format, String path) {
        return trailersOnly(format, new DomainError(Code.UNIMPLEMENTED, ErrorIds.ROUTE_NOT_FOUND,
                "Method not found: " + path.substring(1)));
    }

    private static ResponseHeaders trailersOnly(SerializationFormat format, DomainError error) {
        com.google.rpc.Status status = StatusErrors.proto(error);
        return ResponseHeaders.builder(HttpStatus.OK)
                .contentType(format.mediaType())
                .set("grpc-status", Integer.toString(status.getCode()))
                .set("grpc-message", percentEncoded(status.getMessage()))
                .set("grpc-status-details-bin", Base64.getEncoder().withoutPadding().encodeToString(status.toByteArray()))
                .build();
    }

    /** {@code grpc-message} is percent-encoded UTF-8 (gRPC over HTTP/2, "Responses"). */
    private static String percentEncoded(String message) {
        StringBuilder out = new StringBuilder();
        for (byte b : message.getBytes(StandardCharsets.UTF_8)) {
            if (b >= ' ' && b <= '~' && b != '%') {
                out.append((char) b);
            } else {
                out.append('%').append(String.format("%02X", b & 0xff));
            }
        }
        return out.toString();
    }

    /** The framed gRPC format of {@code contentType}, or null for REST, unframed and anything else. */
    static SerializationFormat framedFormat(MediaType contentType) {
        if (contentType == null) {
            return null;
        }
        for (SerializationFormat format : GrpcSerializationFormats.values()) {
            if (format.isAccepted(contentType)) {
                return format;
            }
        }
        return null;
    }
}
