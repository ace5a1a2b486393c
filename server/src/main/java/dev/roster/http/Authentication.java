package dev.roster.http;

import com.linecorp.armeria.common.HttpHeaderNames;
import com.linecorp.armeria.common.HttpRequest;
import com.linecorp.armeria.common.HttpResponse;
import com.linecorp.armeria.server.DecoratingHttpServiceFunction;
import com.linecorp.armeria.server.HttpService;
import com.linecorp.armeria.server.ServiceRequestContext;
import dev.roster.app.ApiKeys;
import dev.roster.domain.Code;
import dev.roster.domain.DomainError;
import dev.roster.domain.ErrorIds;
import dev.roster.domain.Principal;
import io.netty.util.AttributeKey;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * {@code Authorization: Bearer <api key>} to a {@link Principal}. A cached key is resolved on the event loop; a
 * lookup in the database runs on the blocking executor so the event loop never waits on JDBC.
 */
public final class Authentication implements DecoratingHttpServiceFunction {
    private static final AttributeKey<Principal> PRINCIPAL = AttributeKey.valueOf(Authentication.class, "principal");

    private final ApiKeys apiKeys;

    public Authentication(ApiKeys apiKeys) {
        this.apiKeys = apiKeys;
    }

    /** The caller of this request; only routes behind this decorator have one. */
    public static Principal principal(ServiceRequestContext ctx) {
        Principal p = ctx.attr(PRINCIPAL);
        if (p == null) {
            throw new IllegalStateException("route is not behind Authentication");
        }
        return p;
    }

    @Override
    public HttpResponse serve(HttpService delegate, ServiceRequestContext ctx, HttpRequest req) throws Exception {
        String token;
        try {
            token = bearerToken(req.headers().get(HttpHeaderNames.AUTHORIZATION));
        } catch (DomainError e) {
            return ErrorMapping.response(ctx, e).toHttpResponse();
        }
        Optional<Principal> cached = apiKeys.cached(token);
        if (cached.isPresent()) {
            ctx.setAttr(PRINCIPAL, cached.get());
            return delegate.serve(ctx, req);
        }
        CompletableFuture<HttpResponse> answer = CompletableFuture
                .supplyAsync(() -> apiKeys.authenticate(token), ctx.blockingTaskExecutor())
                .thenApplyAsync(found -> {
                    if (found.isEmpty()) {
                        return ErrorMapping.response(ctx, invalidToken()).toHttpResponse();
                    }
                    ctx.setAttr(PRINCIPAL, found.get());
                    try {
                        return delegate.serve(ctx, req);
                    } catch (Exception e) {
                        return HttpResponse.ofFailure(e);
                    }
                }, ctx.eventLoop());
        return HttpResponse.of(answer);
    }

    /** The scheme is matched case-insensitively; nothing but a bearer token is accepted. */
    static String bearerToken(String header) {
        if (header == null || header.isBlank()) {
            throw new DomainError(Code.UNAUTHENTICATED, ErrorIds.AUTH_MISSING, "auth header missing");
        }
        String value = header.strip();
        int space = value.indexOf(' ');
        if (space < 0 || !value.substring(0, space).equalsIgnoreCase("bearer")) {
            throw invalidToken();
        }
        String token = value.substring(space + 1).strip();
        if (token.isEmpty()) {
            throw invalidToken();
        }
        return token;
    }

    private static DomainError invalidToken() {
        return new DomainError(Code.UNAUTHENTICATED, ErrorIds.TOKEN_INVALID, "Token is invalid");
    }
}
