package dev.roster.http.v2;

import com.linecorp.armeria.common.HttpMethod;
import com.linecorp.armeria.common.grpc.GrpcSerializationFormats;
import com.linecorp.armeria.server.ServerBuilder;
import com.linecorp.armeria.server.cors.CorsService;
import com.linecorp.armeria.server.grpc.GrpcService;
import com.linecorp.armeria.server.grpc.HttpJsonTranscodingOptions;
import com.linecorp.armeria.server.grpc.HttpJsonTranscodingQueryParamMatchRule;
import dev.roster.app.Roster;
import dev.roster.http.ApiKeyPrincipals;
import java.time.Clock;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Collectors;

/**
 * ZITADEL's v2 user and session services on Roster's one port: gRPC (HTTP/2, also h2c), gRPC-Web (binary and
 * text, with CORS for browsers) and REST JSON transcoded from the {@code google.api.http} bindings. Every call
 * runs on the blocking (virtual-thread) executor. Errors are gRPC statuses with one ErrorDetail on gRPC and
 * gRPC-Web, and the JSON error body everywhere else.
 */
public final class ZitadelServices {
    /** Headers a browser may send and read on gRPC-Web calls. */
    private static final String[] REQUEST_HEADERS = {
        "authorization", "content-type", "x-grpc-web", "x-user-agent", "grpc-timeout", "x-zitadel-orgid", "roster-reason"
    };
    private static final String[] EXPOSED_HEADERS = {"grpc-status", "grpc-message", "grpc-status-details-bin"};

    private ZitadelServices() {
    }

    /**
     * Adds the services to {@code sb}; what it returns is to be run once the server listens: it builds the JSON
     * marshallers in the background (see {@link DeferredJsonMarshaller}).
     */
    public static Runnable install(ServerBuilder sb, Roster roster) {
        Clock clock = roster.clock();
        GrpcCalls calls = new GrpcCalls(new ApiKeyPrincipals(roster.apiKeys()), roster.rateLimits().requests());
        JsonErrors jsonErrors = new JsonErrors();
        List<DeferredJsonMarshaller> marshallers = new CopyOnWriteArrayList<>();
        GrpcService grpc = GrpcService.builder()
                .addService(new UserServiceImpl(roster.users(), calls, clock))
                .addService(new SessionServiceImpl(roster.sessions(), calls, clock))
                .supportedSerializationFormats(GrpcSerializationFormats.values())
                .jsonMarshallerFactory(service -> {
                    DeferredJsonMarshaller marshaller = DeferredJsonMarshaller.of(service);
                    marshallers.add(marshaller);
                    return marshaller;
                })
                .enableHttpJsonTranscoding(HttpJsonTranscodingOptions.builder()
                        // ?sessionToken= and ?session_token= both fill session_token, as on grpc-gateway
                        .queryParamMatchRules(HttpJsonTranscodingQueryParamMatchRule.LOWER_CAMEL_CASE,
                                HttpJsonTranscodingQueryParamMatchRule.ORIGINAL_FIELD)
                        .errorHandler(jsonErrors)
                        .build())
                .enableUnframedRequests(true)
                .unframedGrpcErrorHandler(jsonErrors)
                .exceptionHandler(new GrpcFailures())
                .useBlockingTaskExecutor(true)
                .build();
        Set<String> methodPaths = grpc.methods().keySet().stream().map(name -> "/" + name).collect(Collectors.toSet());
        GrpcRequestGate gate = new GrpcRequestGate(methodPaths);
        var cors = CorsService.builderForAnyOrigin()
                .allowRequestMethods(HttpMethod.POST, HttpMethod.GET, HttpMethod.PUT, HttpMethod.DELETE)
                .allowRequestHeaders(REQUEST_HEADERS)
                .exposeHeaders(EXPOSED_HEADERS)
                .newDecorator();
        // The last decorator wraps the others: a CORS preflight is answered before the gate refuses OPTIONS.
        sb.service(grpc, service -> service.decorate(gate), cors);
        // After the served methods, which the router tries first in the order they were added.
        sb.service(UnknownGrpcMethods.ROUTE, new UnknownGrpcMethods().decorate(cors));
        sb.routeDecorator().pathPrefix("/v2/").build(new GatewayCompatibility());
        sb.errorHandler(new GrpcErrorAnswers(methodPaths));
        return () -> marshallers.forEach(DeferredJsonMarshaller::startBuilding);
    }
}
