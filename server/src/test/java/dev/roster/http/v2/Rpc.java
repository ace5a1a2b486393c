package dev.roster.http.v2;

import com.google.protobuf.Message;
import dev.roster.proto.zitadel.session.v2.CreateSessionRequest;
import dev.roster.proto.zitadel.session.v2.CreateSessionResponse;
import dev.roster.proto.zitadel.session.v2.DeleteSessionRequest;
import dev.roster.proto.zitadel.session.v2.DeleteSessionResponse;
import dev.roster.proto.zitadel.session.v2.GetSessionRequest;
import dev.roster.proto.zitadel.session.v2.GetSessionResponse;
import dev.roster.proto.zitadel.session.v2.ListSessionsRequest;
import dev.roster.proto.zitadel.session.v2.ListSessionsResponse;
import dev.roster.proto.zitadel.session.v2.SessionServiceGrpc;
import dev.roster.proto.zitadel.user.v2.*;
import io.grpc.MethodDescriptor;
import java.util.function.Function;

/**
 * One v2 RPC as each transport addresses it: the gRPC method, and the REST method and path of its
 * {@code google.api.http} binding. {@code body} is false for bindings without a body; their remaining fields go
 * in the query string.
 */
record Rpc<Q extends Message, R extends Message>(MethodDescriptor<Q, R> grpc, String httpMethod,
                                                   Function<Q, String> path, boolean body, R responseDefault) {

    static final Rpc<AddHumanUserRequest, AddHumanUserResponse> ADD_HUMAN_USER = new Rpc<>(
            UserServiceGrpc.getAddHumanUserMethod(), "POST", q -> "/v2/users/human", true,
            AddHumanUserResponse.getDefaultInstance());
    static final Rpc<GetUserByIDRequest, GetUserByIDResponse> GET_USER = new Rpc<>(
            UserServiceGrpc.getGetUserByIDMethod(), "GET", q -> "/v2/users/" + q.getUserId(), false,
            GetUserByIDResponse.getDefaultInstance());
    static final Rpc<ListUsersRequest, ListUsersResponse> LIST_USERS = new Rpc<>(
            UserServiceGrpc.getListUsersMethod(), "POST", q -> "/v2/users", true,
            ListUsersResponse.getDefaultInstance());
    static final Rpc<UpdateHumanUserRequest, UpdateHumanUserResponse> UPDATE_HUMAN_USER = new Rpc<>(
            UserServiceGrpc.getUpdateHumanUserMethod(), "PUT", q -> "/v2/users/human/" + q.getUserId(), true,
            UpdateHumanUserResponse.getDefaultInstance());
    static final Rpc<DeactivateUserRequest, DeactivateUserResponse> DEACTIVATE = new Rpc<>(
            UserServiceGrpc.getDeactivateUserMethod(), "POST", q -> "/v2/users/" + q.getUserId() + "/deactivate", true,
            DeactivateUserResponse.getDefaultInstance());
    static final Rpc<ReactivateUserRequest, ReactivateUserResponse> REACTIVATE = new Rpc<>(
            UserServiceGrpc.getReactivateUserMethod(), "POST", q -> "/v2/users/" + q.getUserId() + "/reactivate", true,
            ReactivateUserResponse.getDefaultInstance());
    static final Rpc<LockUserRequest, LockUserResponse> LOCK = new Rpc<>(
            UserServiceGrpc.getLockUserMethod(), "POST", q -> "/v2/users/" + q.getUserId() + "/lock", true,
            LockUserResponse.getDefaultInstance());
    static final Rpc<UnlockUserRequest, UnlockUserResponse> UNLOCK = new Rpc<>(
            UserServiceGrpc.getUnlockUserMethod(), "POST", q -> "/v2/users/" + q.getUserId() + "/unlock", true,
            UnlockUserResponse.getDefaultInstance());
    static final Rpc<DeleteUserRequest, DeleteUserResponse> DELETE_USER = new Rpc<>(
            UserServiceGrpc.getDeleteUserMethod(), "DELETE", q -> "/v2/users/" + q.getUserId(), false,
            DeleteUserResponse.getDefaultInstance());
    static final Rpc<SetPasswordRequest, SetPasswordResponse> SET_PASSWORD = new Rpc<>(
            UserServiceGrpc.getSetPasswordMethod(), "POST", q -> "/v2/users/" + q.getUserId() + "/password", true,
            SetPasswordResponse.getDefaultInstance());

    static final Rpc<CreateSessionRequest, CreateSessionResponse> CREATE_SESSION = new Rpc<>(
            SessionServiceGrpc.getCreateSessionMethod(), "POST", q -> "/v2/sessions", true,
            CreateSessionResponse.getDefaultInstance());
    static final Rpc<GetSessionRequest, GetSessionResponse> GET_SESSION = new Rpc<>(
            SessionServiceGrpc.getGetSessionMethod(), "GET", q -> "/v2/sessions/" + q.getSessionId(), false,
            GetSessionResponse.getDefaultInstance());
    static final Rpc<ListSessionsRequest, ListSessionsResponse> LIST_SESSIONS = new Rpc<>(
            SessionServiceGrpc.getListSessionsMethod(), "POST", q -> "/v2/sessions/search", true,
            ListSessionsResponse.getDefaultInstance());
    static final Rpc<DeleteSessionRequest, DeleteSessionResponse> DELETE_SESSION = new Rpc<>(
            SessionServiceGrpc.getDeleteSessionMethod(), "DELETE", q -> "/v2/sessions/" + q.getSessionId(), true,
            DeleteSessionResponse.getDefaultInstance());
}
