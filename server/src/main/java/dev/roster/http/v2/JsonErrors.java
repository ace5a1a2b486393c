package dev.roster.http.v2;

import com.google.protobuf.Any;
import com.google.protobuf.InvalidProtocolBufferException;
import com.google.protobuf.util.JsonFormat;
import com.linecorp.armeria.common.AggregatedHttpResponse;
import com.linecorp.armeria.common.HttpData;
import com.linecorp.armeria.common.HttpHeaders;
import com.linecorp.armeria.common.HttpResponse;
import com.linecorp.armeria.server.ServiceRequestContext;
import com.linecorp.armeria.server.grpc.UnframedGrpcErrorHandler;
import dev.roster.domain.Code;
import dev.roster.domain.ErrorIds;
import dev.roster.http.ErrorMapping;
import dev.roster.proto.zitadel.v1.CredentialsCheckError;
import dev.roster.proto.zitadel.v1.ErrorDetail;
import io.grpc.Status;
import java.util.Base64;

/**
 * The REST (transcoded) and unframed answer for a failed v2 call: the call's {@code google.rpc.Status} printed as
 * proto3 JSON, {@code {"code", "message", "details": [{"@type": …}]}}, with the HTTP status and headers of
 * {@link ErrorMapping}. A status without details (raised by Armeria itself, e.g. for a body that does not parse)
 * gets one, so every error body carries exactly one detail.
 */
final class JsonErrors implements UnframedGrpcErrorHandler {
    private static final JsonFormat.Printer PRINTER = JsonFormat.printer()
            .omittingInsignificantWhitespace()
            .usingTypeRegistry(JsonFormat.TypeRegistry.newBuilder()
                    .add(ErrorDetail.getDescriptor())
                    .add(CredentialsCheckError.getDescriptor())
                    .build());

    @Override
    public HttpResponse handle(ServiceRequestContext ctx, Status status, AggregatedHttpResponse response) {
        com.google.rpc.Status rpc = detailed(status, response);
        Code code = code(rpc.getCode());
        String json;
        try {
            json = PRINTER.print(rpc);
        } catch (InvalidProtocolBufferException e) {
            throw new IllegalStateException("every detail type Roster sends is registered", e);
        }
        return HttpResponse.of(ErrorMapping.headers(ctx, code, ErrorMapping.httpStatus(code)), HttpData.ofUtf8(json));
    }

    private static com.google.rpc.Status detailed(Status status, AggregatedHttpResponse response) {
        HttpHeaders trailers = response.trailers().isEmpty() ? response.headers() : response.trailers();
        String bin = trailers.get("grpc-status-details-bin");
        if (bin != null && !bin.isEmpty()) {
            try {
                com.google.rpc.Status rpc = com.google.rpc.Status.parseFrom(Base64.getDecoder().decode(bin));
                if (rpc.getDetailsCount() > 0) {
                    return rpc;
                }
            } catch (InvalidProtocolBufferException | IllegalArgumentException ignored) {
                // not ours: fall through to a status built from the code alone
            }
        }
        Code code = code(status.getCode().value());
        String text = switch (code) {
            case INVALID_ARGUMENT -> "The request could not be parsed";
            case UNIMPLEMENTED -> "Not implemented by this server";
            case NOT_FOUND -> "Not Found";
            case UNAUTHENTICATED -> "auth header missing";
            default -> "The request failed";
        };
        String id = code == Code.INTERNAL || code == Code.UNKNOWN ? ErrorIds.INTERNAL : ErrorIds.REQUEST_REJECTED;
        return com.google.rpc.Status.newBuilder()
                .setCode(code.value())
                .setMessage(text + " (" + id + ")")
                .addDetails(Any.pack(ErrorDetail.newBuilder().setId(id).setMessage(text).build()))
                .build();
    }

    private static Code code(int value) {
        for (Code c : Code.values()) {
            if (c.value() == value) {
                return c;
            }
        }
        return Code.UNKNOWN;
    }
}
