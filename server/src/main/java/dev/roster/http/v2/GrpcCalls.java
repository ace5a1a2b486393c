package dev.roster.http.v2;

import com.linecorp.armeria.common.HttpHeaderNames;
import com.linecorp.armeria.common.RequestHeaders;
import com.linecorp.armeria.server.ServiceRequestContext;
import dev.roster.app.RateLimiter;
import dev.roster.domain.Principal;
import dev.roster.http.ApiKeyPrincipals;
import dev.roster.http.Reasons;
import io.grpc.stub.StreamObserver;
import java.util.function.Function;

/**
 * Runs one unary call the same way on every transport: authenticate first (so nothing about an object leaks to
 * an unauthenticated caller), then count the call against its key's rate limit (the same bucket as the key's v1
 * requests, whichever protocol carries it), then the work, then exactly one answer or one status.
 */
final class GrpcCalls {
    private final ApiKeyPrincipals principals;
    private final RateLimiter requests;

    GrpcCalls(ApiKeyPrincipals principals, RateLimiter requests) {
        this.principals = principals;
        this.requests = requests;
    }

    /** What a call knows about its caller. */
    record Caller(Principal principal, String reason, RequestHeaders headers) {
    }

    <T> void unary(StreamObserver<T> out, Function<Caller, T> work) {
        T answer;
        try {
            RequestHeaders headers = ServiceRequestContext.current().request().headers();
            Principal who = principals.of(headers.get(HttpHeaderNames.AUTHORIZATION));
            requests.admit(who.apiKeyId());
            answer = work.apply(new Caller(who, Reasons.of(headers), headers));
        } catch (RuntimeException e) {
            out.onError(StatusErrors.of(e));
            return;
        }
        out.onNext(answer);
        out.onCompleted();
    }
}
