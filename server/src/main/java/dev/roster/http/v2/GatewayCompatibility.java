package dev.roster.http.v2;

import com.linecorp.armeria.common.HttpMethod;
import com.linecorp.armeria.common.HttpRequest;
import com.linecorp.armeria.common.HttpResponse;
import com.linecorp.armeria.common.HttpStatus;
import com.linecorp.armeria.common.MediaType;
import com.linecorp.armeria.common.RequestHeadersBuilder;
import com.linecorp.armeria.common.ResponseHeadersBuilder;
import com.linecorp.armeria.server.DecoratingHttpServiceFunction;
import com.linecorp.armeria.server.HttpService;
import com.linecorp.armeria.server.ServiceRequestContext;
import dev.roster.http.Utf8Text;

/**
 * Makes the transcoded {@code /v2/…} REST routes behave like ZITADEL's grpc-gateway: every body is read as JSON
 * whatever its Content-Type says, answers carry no gRPC headers (STACK-NOTES P8), CreateSession answers 201
 * (ZITADEL's {@code success_code} option, which Armeria's transcoding does not know), and HEAD is GET without a body.
 */
final class GatewayCompatibility implements DecoratingHttpServiceFunction {
    private static final String CREATE_SESSION_PATH = "/v2/sessions";

    @Override
    public HttpResponse serve(HttpService delegate, ServiceRequestContext ctx, HttpRequest original) throws Exception {
        RequestHeadersBuilder headers = original.headers().toBuilder().contentType(MediaType.JSON_UTF_8);
        if (original.method() == HttpMethod.HEAD) {
            // HEAD is GET without the body, as on /v1 (Armeria leaves the body out of a HEAD answer by itself).
            headers.method(HttpMethod.GET);
        }
        HttpRequest json = original.withHeaders(headers.build());
        // The transcoder re-encodes the body, turning bytes that are not UTF-8 into U+FFFD: they are refused first.
        return HttpResponse.of(json.aggregate().thenApply(body -> {
            Utf8Text.requireUnicodeJson(body.content().array());
            HttpRequest req = body.toHttpRequest();
            ctx.updateRequest(req);
            boolean createSession = req.method() == HttpMethod.POST && CREATE_SESSION_PATH.equals(ctx.path());
            try {
                return withGatewayHeaders(delegate.serve(ctx, req), createSession);
            } catch (Exception e) {
                return HttpResponse.ofFailure(e);
            }
        }));
    }

    private static HttpResponse withGatewayHeaders(HttpResponse response, boolean createSession) {
        return response.mapHeaders(headers -> {
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
