package dev.roster.http.v2;

import com.linecorp.armeria.common.HttpMethod;
import com.linecorp.armeria.common.HttpRequest;
import com.linecorp.armeria.common.HttpResponse;
import com.linecorp.armeria.common.HttpStatus;
import com.linecorp.armeria.common.MediaType;
import com.linecorp.armeria.common.ResponseHeadersBuilder;
import com.linecorp.armeria.server.DecoratingHttpServiceFunction;
import com.linecorp.armeria.server.HttpService;
import com.linecorp.armeria.server.ServiceRequestContext;

/**
 * Makes the transcoded {@code /v2/…} REST routes behave like ZITADEL's grpc-gateway: every body is read as JSON
 * whatever its Content-Type says, answers carry no gRPC headers (STACK-NOTES P8), and CreateSession answers 201
 * (ZITADEL's {@code success_code} option, which Armeria's transcoding does not know).
 */
final class GatewayCompatibility implements DecoratingHttpServiceFunction {
    private static final String CREATE_SESSION_PATH = "/v2/sessions";

    @Override
    public HttpResponse serve(HttpService delegate, ServiceRequestContext ctx, HttpRequest original) throws Exception {
        HttpRequest req = original.withHeaders(original.headers().toBuilder().contentType(MediaType.JSON_UTF_8).build());
        ctx.updateRequest(req);
        boolean createSession = req.method() == HttpMethod.POST && CREATE_SESSION_PATH.equals(ctx.path());
        return delegate.serve(ctx, req).mapHeaders(headers -> {
            ResponseHeadersBuilder b = headers.toBuilder();
            b.remove("grpc-status");
            b.remove("grpc-encoding");
            b.remove("grpc-accept-encoding");
            if (createSession && headers.status() == HttpStatus.OK) {
                b.status(HttpStatus.CREATED);
            }
            return b.build();
        });
    }
}
