package dev.roster.http.v2;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.roster.proto.zitadel.user.v2.GetUserByIDRequest;
import dev.roster.proto.zitadel.user.v2.GetUserByIDResponse;
import dev.roster.proto.zitadel.user.v2.UserServiceGrpc;
import dev.roster.testing.Engine;
import dev.roster.testing.TestServer;
import io.grpc.CallOptions;
import io.grpc.MethodDescriptor;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.stub.ClientCalls;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * A gRPC client that calls a method Roster does not serve (one of ZITADEL's that Roster leaves out, or a service it
 * does not have) hears UNIMPLEMENTED naming the method, as from any gRPC server, not an HTTP 404 it has to guess at.
 */
class UnknownMethodTest {
    @ParameterizedTest
    @EnumSource(value = Transport.class, names = {"GRPC", "GRPC_WEB", "GRPC_WEB_TEXT"})
    void aMethodRosterDoesNotServeIsUnimplemented(Transport transport) {
        try (TestServer server = TestServer.start(Engine.SQLITE)) {
            V2Client client = V2Client.of(transport, server.http(), TestServer.ADMIN_KEY);
            for (String name : List.of("zitadel.user.v2.UserService/NoSuchMethod",
                    "zitadel.nosuch.v2.NoSuchService/GetThing")) {
                MethodDescriptor<GetUserByIDRequest, GetUserByIDResponse> unknown =
                        UserServiceGrpc.getGetUserByIDMethod().toBuilder().setFullMethodName(name).build();

                StatusRuntimeException failure = catchThrowableOfType(StatusRuntimeException.class,
                        () -> ClientCalls.blockingUnaryCall(client.channel(), unknown, CallOptions.DEFAULT,
                                GetUserByIDRequest.getDefaultInstance()));

                assertThat(failure).as(name).isNotNull();
                assertThat(failure.getStatus().getCode()).as(name).isEqualTo(Status.Code.UNIMPLEMENTED);
                assertThat(failure.getStatus().getDescription()).as(name).contains(name);
            }
        }
    }
}
