package dev.roster.http;

import com.linecorp.armeria.common.AggregatedHttpRequest;
import com.linecorp.armeria.common.AggregatedHttpResponse;
import com.linecorp.armeria.common.HttpData;
import com.linecorp.armeria.common.HttpMethod;
import com.linecorp.armeria.common.HttpRequest;
import com.linecorp.armeria.common.HttpResponse;
import com.linecorp.armeria.common.MediaType;
import com.linecorp.armeria.common.ResponseHeaders;
import com.linecorp.armeria.common.ResponseHeadersBuilder;
import com.linecorp.armeria.server.DecoratingHttpServiceFunction;
import com.linecorp.armeria.server.HttpService;
import com.linecorp.armeria.server.ServiceRequestContext;
import dev.roster.app.IdempotencyKeys;
import dev.roster.domain.DomainError;
import dev.roster.domain.Principal;
import dev.roster.domain.StoredResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.concurrent.CompletableFuture;

/**
 * Honours {@code Idempotency-Key} on writes: the request runs once, and retries carrying the same key and the same
 * request get the first answer again, marked {@code Idempotent-Replayed: true}. Sits behind {@link Authentication},
 * since keys belong to the caller's organization. Server errors are not kept, so a retry after one runs again.
 */
public final class Idempotency implements DecoratingHttpServiceFunction {
    public static final String HEADER = "idempotency-key";
    static final String REPLAYED = "idempotent-replayed";

    private final IdempotencyKeys keys;

    public Idempotency(IdempotencyKeys keys) {
        this.keys = keys;
    }

    @Override
    public HttpResponse serve(HttpService delegate, ServiceRequestContext ctx, HttpRequest req) throws Exception {
        String key = req.headers().get(HEADER);
        HttpMethod method = req.method();
        if (key == null || method == HttpMethod.GET || method == HttpMethod.HEAD || method == HttpMethod.OPTIONS) {
            return delegate.serve(ctx, req);
        }
        Principal who = Authentication.principal(ctx);
        CompletableFuture<HttpResponse> answer = req.aggregate().thenComposeAsync(request -> {
            IdempotencyKeys.Start start;
            try {
                start = keys.begin(who, key, fingerprint(request));
            } catch (DomainError e) {
                return CompletableFuture.completedFuture(ErrorMapping.response(ctx, e).toHttpResponse());
            }
            if (start instanceof IdempotencyKeys.Replay replay) {
                return CompletableFuture.completedFuture(replay(replay.response()));
            }
            return runOnce(delegate, ctx, request, who, key);
        }, ctx.blockingTaskExecutor());
        return HttpResponse.of(answer);
    }

    private CompletableFuture<HttpResponse> runOnce(HttpService delegate, ServiceRequestContext ctx,
                                                    AggregatedHttpRequest request, Principal who, String key) {
        HttpRequest again = request.toHttpRequest();
        ctx.updateRequest(again);
        CompletableFuture<AggregatedHttpResponse> response = CompletableFuture
                .supplyAsync(() -> serveSafely(delegate, ctx, again), ctx.eventLoop())
                .thenCompose(HttpResponse::aggregate)
                // A failure is rendered here rather than by the server, so that a refusal is kept like an answer.
                .exceptionally(failure -> ErrorMapping.render(ctx, failure));
        return response.thenApplyAsync(out -> {
            if (keepable(out.status().code())) {
                MediaType type = out.contentType();
                keys.finish(who, key, new StoredResponse(out.status().code(), type == null ? null : type.toString(),
                        out.contentUtf8()));
            } else {
                keys.release(who, key);
            }
            return out.toHttpResponse();
        }, ctx.blockingTaskExecutor());
    }

    private static HttpResponse serveSafely(HttpService delegate, ServiceRequestContext ctx, HttpRequest req) {
        try {
            return delegate.serve(ctx, req);
        } catch (Exception e) {
            return HttpResponse.ofFailure(e);
        }
    }

    /** Outcomes that a retry would meet again; rate limits and server trouble are worth running once more. */
    private static boolean keepable(int status) {
        return status < 500 && status != 429;
    }

    private static HttpResponse replay(StoredResponse stored) {
        ResponseHeadersBuilder headers = ResponseHeaders.builder(stored.status())
                .contentType(stored.contentType() == null ? MediaType.JSON_UTF_8 : MediaType.parse(stored.contentType()))
                .set(REPLAYED, "true");
        if (stored.status() >= 400) {
            headers.set("x-should-retry", "false"); // only final refusals are kept: repeating one cannot help
        }
        return HttpResponse.of(headers.build(), HttpData.ofUtf8(stored.body() == null ? "" : stored.body()));
    }

    /** The same key may only come back with the same method, path, query and body. */
    static String fingerprint(AggregatedHttpRequest request) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update((request.method() + " " + request.path() + "\n").getBytes(StandardCharsets.UTF_8));
            sha.update(request.content().array());
            return HexFormat.of().formatHex(sha.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
