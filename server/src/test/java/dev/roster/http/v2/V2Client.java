package dev.roster.http.v2;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.google.protobuf.Any;
import com.google.protobuf.InvalidProtocolBufferException;
import com.google.protobuf.Message;
import com.google.protobuf.util.JsonFormat;
import com.linecorp.armeria.client.grpc.GrpcClients;
import com.linecorp.armeria.common.SerializationFormat;
import com.linecorp.armeria.common.grpc.GrpcSerializationFormats;
import dev.roster.proto.zitadel.user.v2.UserServiceGrpc;
import dev.roster.proto.zitadel.v1.CredentialsCheckError;
import dev.roster.proto.zitadel.v1.ErrorDetail;
import dev.roster.testing.Http;
import dev.roster.testing.Reply;
import io.grpc.CallOptions;
import io.grpc.Channel;
import io.grpc.StatusRuntimeException;
import io.grpc.protobuf.StatusProto;
import io.grpc.stub.ClientCalls;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Iterator;
import java.util.Map;

/**
 * A v2 client over one transport: gRPC over HTTP/2 cleartext, gRPC-Web (binary or text) over HTTP/1.1 — both
 * Armeria's gRPC client with the generated method descriptors — or REST JSON over the harness's HTTP client.
 * Failures come back as {@link V2Failure} whatever the transport.
 */
final class V2Client {
    private static final JsonFormat.Printer PRINTER = JsonFormat.printer().omittingInsignificantWhitespace();
    private static final JsonFormat.Parser PARSER = JsonFormat.parser();

    private final Transport transport;
    private final Channel channel;
    private final Http http;

    private V2Client(Transport transport, Channel channel, Http http) {
        this.transport = transport;
        this.channel = channel;
        this.http = http;
    }

    static V2Client of(Transport transport, Http http, String key) {
        if (transport == Transport.REST) {
            return new V2Client(transport, null, http.as(key));
        }
        String scheme = transport == Transport.GRPC ? "h2c" : "h1c"; // gRPC-Web goes over HTTP/1.1, as fetch does
        SerializationFormat format = switch (transport) {
            case GRPC -> GrpcSerializationFormats.PROTO;
            case GRPC_WEB -> GrpcSerializationFormats.PROTO_WEB;
            default -> GrpcSerializationFormats.PROTO_WEB_TEXT;
        };
        var builder = GrpcClients.builder(scheme + "://" + http.base().getHost() + ":" + http.base().getPort())
                .serializationFormat(format);
        if (key != null) {
            builder.addHeader("authorization", "Bearer " + key);
        }
        Channel channel = builder.build(UserServiceGrpc.UserServiceBlockingStub.class).getChannel();
        return new V2Client(transport, channel, null);
    }

    Transport transport() {
        return transport;
    }

    /** The gRPC channel, for calls the generated descriptors do not have; gRPC and gRPC-Web only. */
    Channel channel() {
        if (channel == null) {
            throw new IllegalStateException("REST has no gRPC channel");
        }
        return channel;
    }

    <Q extends Message, R extends Message> R call(Rpc<Q, R> rpc, Q request) {
        return transport == Transport.REST ? rest(rpc, request) : grpc(rpc, request);
    }

    private <Q extends Message, R extends Message> R grpc(Rpc<Q, R> rpc, Q request) {
        try {
            return ClientCalls.blockingUnaryCall(channel, rpc.grpc(), CallOptions.DEFAULT, request);
        } catch (StatusRuntimeException e) {
            com.google.rpc.Status status = StatusProto.fromThrowable(e);
            if (status == null) {
                throw new V2Failure(e.getStatus().getCode().value(), e.getStatus().getDescription(), null, null, null,
                        0, -1);
            }
            if (status.getDetailsCount() != 1) {
                throw new AssertionError("expected exactly one detail: " + status);
            }
            Any detail = status.getDetails(0);
            try {
                if (detail.is(CredentialsCheckError.class)) {
                    CredentialsCheckError c = detail.unpack(CredentialsCheckError.class);
                    throw new V2Failure(status.getCode(), status.getMessage(), "zitadel.v1.CredentialsCheckError",
                            c.getId(), c.getMessage(), c.getFailedAttempts(), -1);
                }
                ErrorDetail d = detail.unpack(ErrorDetail.class);
                throw new V2Failure(status.getCode(), status.getMessage(), "zitadel.v1.ErrorDetail", d.getId(),
                        d.getMessage(), 0, -1);
            } catch (InvalidProtocolBufferException bad) {
                throw new AssertionError("undecodable detail " + detail.getTypeUrl(), bad);
            }
        }
    }

    private <Q extends Message, R extends Message> R rest(Rpc<Q, R> rpc, Q request) {
        String path = rpc.path().apply(request);
        Reply reply;
        try {
            String json = PRINTER.print(request);
            if (rpc.body()) {
                reply = http.send(rpc.httpMethod(), path, json, "application/json");
            } else {
                reply = http.send(rpc.httpMethod(), path + query(json), null, null);
            }
        } catch (InvalidProtocolBufferException e) {
            throw new AssertionError(e);
        }
        if (reply.status() / 100 != 2) {
            throw failure(reply);
        }
        try {
            @SuppressWarnings("unchecked")
            R.Builder builder = (R.Builder) rpc.responseDefault().newBuilderForType();
            PARSER.merge(reply.body(), builder);
            @SuppressWarnings("unchecked")
            R response = (R) builder.build();
            return response;
        } catch (InvalidProtocolBufferException e) {
            throw new AssertionError("not a " + rpc.responseDefault().getDescriptorForType().getName() + ": " + reply, e);
        }
    }

    /** Fields not bound to the path go in the query string under their JSON names. */
    private static String query(String json) {
        try {
            ObjectNode fields = (ObjectNode) Http.JSON.readTree(json);
            fields.remove("userId");
            fields.remove("sessionId");
            StringBuilder q = new StringBuilder();
            for (Iterator<Map.Entry<String, JsonNode>> it = fields.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                q.append(q.isEmpty() ? "?" : "&").append(e.getKey()).append('=')
                        .append(URLEncoder.encode(e.getValue().asText(), StandardCharsets.UTF_8));
            }
            return q.toString();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static V2Failure failure(Reply reply) {
        JsonNode body = reply.json();
        JsonNode details = body.path("details");
        if (details.size() != 1) {
            throw new AssertionError("expected exactly one detail: " + reply);
        }
        JsonNode d = details.get(0);
        String type = d.path("@type").asText().replace("type.googleapis.com/", "");
        return new V2Failure(body.path("code").asInt(), body.path("message").asText(), type, d.path("id").asText(),
                d.path("message").asText(), d.path("failedAttempts").asInt(), reply.status());
    }
}
