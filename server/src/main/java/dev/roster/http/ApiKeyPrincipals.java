package dev.roster.http;

import dev.roster.app.ApiKeys;
import dev.roster.domain.Code;
import dev.roster.domain.DomainError;
import dev.roster.domain.ErrorIds;
import dev.roster.domain.Principal;

/**
 * The caller of a v2 call, resolved inside the call rather than in a decorator: gRPC and gRPC-Web clients must
 * get an authentication failure as a gRPC status, which only the service can produce. Runs on the blocking
 * executor, so a key lookup in the database is fine.
 */
public final class ApiKeyPrincipals {
    private final ApiKeys apiKeys;

    public ApiKeyPrincipals(ApiKeys apiKeys) {
        this.apiKeys = apiKeys;
    }

    /** {@code Authorization} header value to principal; missing, malformed or unknown is UNAUTHENTICATED. */
    public Principal of(String authorization) {
        String token = Authentication.bearerToken(authorization);
        return apiKeys.authenticate(token).orElseThrow(() ->
                new DomainError(Code.UNAUTHENTICATED, ErrorIds.TOKEN_INVALID, "Token is invalid"));
    }
}
