package dev.roster.http;

import com.linecorp.armeria.common.AggregatedHttpResponse;
import com.linecorp.armeria.common.ClosedSessionException;
import com.linecorp.armeria.common.HttpHeaderNames;
import com.linecorp.armeria.common.HttpRequest;
import com.linecorp.armeria.common.HttpResponse;
import com.linecorp.armeria.common.HttpStatus;
import com.linecorp.armeria.common.MediaType;
import com.linecorp.armeria.common.RequestHeaders;
import com.linecorp.armeria.common.ResponseHeaders;
import com.linecorp.armeria.common.ResponseHeadersBuilder;
import com.linecorp.armeria.common.stream.ClosedStreamException;
import com.linecorp.armeria.server.HttpStatusException;
import com.linecorp.armeria.server.RequestTimeoutException;
import com.linecorp.armeria.server.ServerErrorHandler;
import com.linecorp.armeria.server.ServiceConfig;
import com.linecorp.armeria.server.ServiceRequestContext;
import dev.roster.domain.Code;
import dev.roster.domain.DomainError;
import dev.roster.domain.ErrorIds;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one place a failure becomes a response: {@code {"code", "message": "<text> (<ID>)", "details": [ErrorDetail]}}
 * with the HTTP status of the grpc-gateway table, {@code X-Should-Retry: false} unless a retry can succeed, and
 * never a stack trace. Also renders Armeria's own 400/404/405/413 and request timeouts (408/504) in the same shape.
 */
public final class ErrorMapping implements ServerErrorHandler {
    private static final Logger log = LoggerFactory.getLogger(ErrorMapping.class);
    static final String ERROR_DETAIL_TYPE = "type.googleapis.com/zitadel.v1.ErrorDetail";

    @Override
    public HttpResponse onServiceException(ServiceRequestContext ctx, Throwable cause) {
        return render(ctx, cause).toHttpResponse();
    }

    /** The response a failure becomes; for decorators that need it before the server renders it. */
    public static AggregatedHttpResponse render(ServiceRequestContext ctx, Throwable cause) {
        if (unwrap(cause) instanceof HttpStatusException e) {
            // A service or decorator that refuses with a bare status gets the answer routing would have given.
            return statusResponse(ctx, ctx == null ? null : ctx.request().headers(), e.httpStatus(), e.getCause());
        }
        return response(ctx, toDomainError(ctx, cause));
    }

    @Override
    public AggregatedHttpResponse renderStatus(ServiceRequestContext ctx, ServiceConfig config, RequestHeaders headers,
                                               HttpStatus status, String description, Throwable cause) {
        return statusResponse(ctx, headers, status, cause);
    }

    private static AggregatedHttpResponse statusResponse(ServiceRequestContext ctx, RequestHeaders headers,
                                                         HttpStatus status, Throwable cause) {
        DomainError error = forStatus(ctx, headers, status, cause);
        if (status.code() == 405) {
            return response(ctx, error, HttpStatus.METHOD_NOT_ALLOWED);
        }
        if (status.code() == 404 && error.code() == Code.NOT_FOUND) {
            return response(ctx, error, HttpStatus.NOT_FOUND);
        }
        return response(ctx, error);
    }

    public static AggregatedHttpResponse response(ServiceRequestContext ctx, DomainError error) {
        // A request whose body did not arrive in time is the one failure whose status is not its code's.
        HttpStatus status = ErrorIds.REQUEST_TIMEOUT.equals(error.id())
                ? HttpStatus.REQUEST_TIMEOUT : httpStatus(error.code());
        return response(ctx, error, status);
    }

    private static AggregatedHttpResponse response(ServiceRequestContext ctx, DomainError error, HttpStatus status) {
        Map<String, Object> detail = new LinkedHashMap<>();
        detail.put("@type", ERROR_DETAIL_TYPE);
        detail.put("id", error.id());
        detail.put("message", error.text());
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("code", error.code().value());
        body.put("message", error.getMessage());
        body.put("details", List.of(detail));
        ResponseHeaders headers = headers(ctx, error.code(), status);
        if (ctx != null) {
            announceRetryAfter(ctx, error);
        }
        return AggregatedHttpResponse.of(headers,
                com.linecorp.armeria.common.HttpData.wrap(Wire.bytes(body)));
    }

    /**
     * The headers of every error answer: JSON, {@code X-Should-Retry: false} unless a retry can succeed, and
     * {@code WWW-Authenticate} on 401. Shared with the v2 JSON error path, which prints its body from protobuf.
     */
    public static ResponseHeaders headers(ServiceRequestContext ctx, Code code, HttpStatus status) {
        ResponseHeadersBuilder headers = ResponseHeaders.builder(status).contentType(MediaType.JSON_UTF_8);
        if (!retryable(code)) {
            headers.set("x-should-retry", "false");
        }
        if (code == Code.UNAUTHENTICATED) {
            headers.set(HttpHeaderNames.WWW_AUTHENTICATE, "Bearer");
        }
        if (ctx == null) {
            headers.set(RequestIds.HEADER, RequestIds.fresh());
        } else {
            // A route decorator that refuses a request runs before the server's RequestIds decorator.
            ctx.setAdditionalResponseHeader(RequestIds.HEADER, RequestIds.of(ctx));
        }
        return headers.build();
    }

    /**
     * {@code Retry-After} on the answer to a request refused by a limit, whatever the protocol renders the error:
     * the SDKs wait that long before their automatic retry.
     */
    public static void announceRetryAfter(ServiceRequestContext ctx, DomainError error) {
        error.retryAfter().ifPresent(wait ->
                ctx.setAdditionalResponseHeader(HttpHeaderNames.RETRY_AFTER, retryAfterSeconds(wait)));
    }

    /** Whole seconds, rounded up and at least 1: a client told 0 would retry at once and be refused again. */
    private static String retryAfterSeconds(Duration wait) {
        long seconds = wait.toSeconds() + (wait.getNano() > 0 ? 1 : 0);
        return Long.toString(Math.max(1, seconds));
    }

    /** The grpc-gateway mapping, FAILED_PRECONDITION included as 400. */
    public static HttpStatus httpStatus(Code code) {
        return switch (code) {
            case INVALID_ARGUMENT, FAILED_PRECONDITION, OUT_OF_RANGE -> HttpStatus.BAD_REQUEST;
            case UNAUTHENTICATED -> HttpStatus.UNAUTHORIZED;
            case PERMISSION_DENIED -> HttpStatus.FORBIDDEN;
            case NOT_FOUND -> HttpStatus.NOT_FOUND;
            case ALREADY_EXISTS, ABORTED -> HttpStatus.CONFLICT;
            case RESOURCE_EXHAUSTED -> HttpStatus.TOO_MANY_REQUESTS;
            case CANCELLED -> HttpStatus.valueOf(499);
            case UNIMPLEMENTED -> HttpStatus.NOT_IMPLEMENTED;
            case UNAVAILABLE -> HttpStatus.SERVICE_UNAVAILABLE;
            case DEADLINE_EXCEEDED -> HttpStatus.GATEWAY_TIMEOUT;
            case UNKNOWN, INTERNAL, DATA_LOSS -> HttpStatus.INTERNAL_SERVER_ERROR;
        };
    }

    /** Only these can succeed when repeated unchanged: an in-flight conflict, rate limits and server trouble. */
    private static boolean retryable(Code code) {
        return switch (code) {
            case ABORTED, RESOURCE_EXHAUSTED, UNAVAILABLE, DEADLINE_EXCEEDED, INTERNAL, UNKNOWN -> true;
            default -> false;
        };
    }

    /** Any failure as the error a client sees; an unexpected one is logged with the request id and becomes INTERNAL. */
    public static DomainError toDomainError(ServiceRequestContext ctx, Throwable cause) {
        Throwable root = unwrap(cause);
        if (root instanceof DomainError e) {
            return e;
        }
        if (root instanceof HttpStatusException e) {
            return forStatus(ctx, ctx == null ? null : ctx.request().headers(), e.httpStatus(), e.getCause());
        }
        if (clientWentAway(root)) {
            // Not a server fault and nobody is left to answer: no error log, no stack trace.
            log.debug("client closed request {} before the answer", ctx == null ? "-" : RequestIds.of(ctx));
            return new DomainError(Code.CANCELLED, ErrorIds.CLIENT_CLOSED, "The client closed the request");
        }
        if (root instanceof RequestTimeoutException) {
            return timedOut(ctx);
        }
        if (root instanceof IllegalArgumentException) {
            // Armeria's parameter conversion; the text may name internals, so it is not echoed.
            return new DomainError(Code.INVALID_ARGUMENT, ErrorIds.INVALID_ARGUMENT, "The request has an invalid value");
        }
        return internal(ctx, root);
    }

    private static DomainError forStatus(ServiceRequestContext ctx, RequestHeaders headers, HttpStatus status,
                                         Throwable cause) {
        if (cause != null && unwrap(cause) instanceof DomainError e) {
            return e;
        }
        String route = headers == null ? "" : ": " + headers.method() + " " + headers.path();
        return switch (status.code()) {
            case 404 -> new DomainError(Code.NOT_FOUND, ErrorIds.ROUTE_NOT_FOUND, "No such route" + route);
            case 405 -> new DomainError(Code.UNIMPLEMENTED, ErrorIds.METHOD_NOT_ALLOWED, "Method not allowed" + route);
            case 413 -> new DomainError(Code.INVALID_ARGUMENT, ErrorIds.REQUEST_REJECTED, "Request body is too large");
            case 415 -> new DomainError(Code.INVALID_ARGUMENT, ErrorIds.REQUEST_REJECTED, "Unsupported content type");
            case 503 -> new DomainError(Code.UNAVAILABLE, ErrorIds.UNAVAILABLE, "Service unavailable");
            default -> status.code() >= 500
                    ? internal(ctx, cause)
                    : new DomainError(Code.INVALID_ARGUMENT, ErrorIds.REQUEST_REJECTED,
                    "The request was rejected: " + status.reasonPhrase());
        };
    }

    /**
     * The request timeout fired: 408 while the request was still arriving (a client trickling its body), else the
     * server was too slow, DEADLINE_EXCEEDED. Expected under load or attack, so one line in the log, no stack trace.
     */
    private static DomainError timedOut(ServiceRequestContext ctx) {
        boolean received = ctx != null && fullyReceived(ctx.request());
        String requestId = ctx == null ? "-" : RequestIds.of(ctx);
        if (!received) {
            log.warn("request {} timed out before its body arrived", requestId);
            return new DomainError(Code.DEADLINE_EXCEEDED, ErrorIds.REQUEST_TIMEOUT,
                    "The request did not arrive in time");
        }
        log.warn("request {} timed out before its answer was ready", requestId);
        return new DomainError(Code.DEADLINE_EXCEEDED, ErrorIds.DEADLINE_EXCEEDED,
                "The request took too long; request id " + requestId);
    }

    private static boolean fullyReceived(HttpRequest request) {
        CompletableFuture<Void> done = request.whenComplete();
        return done.isDone() && !done.isCompletedExceptionally();
    }

    private static DomainError internal(ServiceRequestContext ctx, Throwable cause) {
        String requestId = ctx == null ? "-" : RequestIds.of(ctx);
        log.error("internal error in request {}", requestId, cause);
        return new DomainError(Code.INTERNAL, ErrorIds.INTERNAL, "Internal error; request id " + requestId);
    }

    /** The connection or stream closed under the request (gRPC reports it as CANCELLED with this as the cause). */
    public static boolean clientWentAway(Throwable t) {
        for (Throwable cause = t; cause != null; cause = cause.getCause()) {
            if (cause instanceof ClosedSessionException || cause instanceof ClosedStreamException) {
                return true;
            }
        }
        return false;
    }

    private static Throwable unwrap(Throwable t) {
        Throwable current = t;
        while ((current instanceof java.util.concurrent.CompletionException
                || current instanceof java.util.concurrent.ExecutionException)
                && current.getCause() != null) {
            current = current.getCause();
        }
        return current;
    }
}
