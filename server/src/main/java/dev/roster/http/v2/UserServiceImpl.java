package dev.roster.http.v2;

import dev.roster.app.Users;
import dev.roster.domain.User;
import dev.roster.proto.zitadel.user.v2.AddHumanUserRequest;
import dev.roster.proto.zitadel.user.v2.AddHumanUserResponse;
import dev.roster.proto.zitadel.user.v2.DeactivateUserRequest;
import dev.roster.proto.zitadel.user.v2.DeactivateUserResponse;
import dev.roster.proto.zitadel.user.v2.DeleteUserRequest;
import dev.roster.proto.zitadel.user.v2.DeleteUserResponse;
import dev.roster.proto.zitadel.user.v2.GetUserByIDRequest;
import dev.roster.proto.zitadel.user.v2.GetUserByIDResponse;
import dev.roster.proto.zitadel.user.v2.ListUsersRequest;
import dev.roster.proto.zitadel.user.v2.ListUsersResponse;
import dev.roster.proto.zitadel.user.v2.LockUserRequest;
import dev.roster.proto.zitadel.user.v2.LockUserResponse;
import dev.roster.proto.zitadel.user.v2.ReactivateUserRequest;
import dev.roster.proto.zitadel.user.v2.ReactivateUserResponse;
import dev.roster.proto.zitadel.user.v2.SetPasswordRequest;
import dev.roster.proto.zitadel.user.v2.SetPasswordResponse;
import dev.roster.proto.zitadel.user.v2.UnlockUserRequest;
import dev.roster.proto.zitadel.user.v2.UnlockUserResponse;
import dev.roster.proto.zitadel.user.v2.UpdateHumanUserRequest;
import dev.roster.proto.zitadel.user.v2.UpdateHumanUserResponse;
import dev.roster.proto.zitadel.user.v2.UserServiceGrpc;
import dev.roster.store.Listed;
import io.grpc.stub.StreamObserver;
import java.time.Clock;
import java.time.Instant;

/** {@code zitadel.user.v2.UserService} over gRPC, gRPC-Web and REST: messages in, use case, messages out. */
final class UserServiceImpl extends UserServiceGrpc.UserServiceImplBase {
    private final Users users;
    private final GrpcCalls calls;
    private final Clock clock;

    UserServiceImpl(Users users, GrpcCalls calls, Clock clock) {
        this.users = users;
        this.calls = calls;
        this.clock = clock;
    }

    @Override
    public void addHumanUser(AddHumanUserRequest r, StreamObserver<AddHumanUserResponse> out) {
        calls.unary(out, c -> {
            User u = users.add(c.principal(), c.reason(), UserMessages.newUser(r, c.headers().get(UserMessages.ORG_HEADER)));
            return AddHumanUserResponse.newBuilder().setUserId(u.id()).setDetails(UserMessages.details(u)).build();
        });
    }

    @Override
    public void getUserByID(GetUserByIDRequest r, StreamObserver<GetUserByIDResponse> out) {
        calls.unary(out, c -> {
            User u = users.get(c.principal(), r.getUserId());
            return GetUserByIDResponse.newBuilder().setDetails(UserMessages.details(u)).setUser(UserMessages.user(u)).build();
        });
    }

    @Override
    public void listUsers(ListUsersRequest r, StreamObserver<ListUsersResponse> out) {
        calls.unary(out, c -> {
            Listed<User> listing = users.list(c.principal(), UserQueries.filter(r.getQueriesList()),
                    UserQueries.sort(r.getSortingColumn()), r.getQuery().getAsc(), Protos.offset(r.getQuery()),
                    Protos.limit(r.getQuery()));
            ListUsersResponse.Builder b = ListUsersResponse.newBuilder()
                    .setDetails(Protos.listDetails(listing.total(), Instant.now(clock)))
                    .setSortingColumn(r.getSortingColumn());
            listing.items().forEach(u -> b.addResult(UserMessages.user(u)));
            return b.build();
        });
    }

    @Override
    public void updateHumanUser(UpdateHumanUserRequest r, StreamObserver<UpdateHumanUserResponse> out) {
        calls.unary(out, c -> {
            User u = users.update(c.principal(), c.reason(), r.getUserId(), UserMessages.changes(r));
            return UpdateHumanUserResponse.newBuilder().setDetails(UserMessages.details(u)).build();
        });
    }

    @Override
    public void deactivateUser(DeactivateUserRequest r, StreamObserver<DeactivateUserResponse> out) {
        calls.unary(out, c -> DeactivateUserResponse.newBuilder()
                .setDetails(UserMessages.details(users.deactivate(c.principal(), c.reason(), r.getUserId()))).build());
    }

    @Override
    public void reactivateUser(ReactivateUserRequest r, StreamObserver<ReactivateUserResponse> out) {
        calls.unary(out, c -> ReactivateUserResponse.newBuilder()
                .setDetails(UserMessages.details(users.reactivate(c.principal(), c.reason(), r.getUserId()))).build());
    }

    @Override
    public void lockUser(LockUserRequest r, StreamObserver<LockUserResponse> out) {
        calls.unary(out, c -> LockUserResponse.newBuilder()
                .setDetails(UserMessages.details(users.lock(c.principal(), c.reason(), r.getUserId()))).build());
    }

    @Override
    public void unlockUser(UnlockUserRequest r, StreamObserver<UnlockUserResponse> out) {
        calls.unary(out, c -> UnlockUserResponse.newBuilder()
                .setDetails(UserMessages.details(users.unlock(c.principal(), c.reason(), r.getUserId()))).build());
    }

    @Override
    public void deleteUser(DeleteUserRequest r, StreamObserver<DeleteUserResponse> out) {
        calls.unary(out, c -> DeleteUserResponse.newBuilder()
                .setDetails(UserMessages.details(users.delete(c.principal(), c.reason(), r.getUserId()))).build());
    }

    @Override
    public void setPassword(SetPasswordRequest r, StreamObserver<SetPasswordResponse> out) {
        calls.unary(out, c -> {
            Users.PasswordChange change = new Users.PasswordChange(
                    r.hasNewPassword() ? UserMessages.password(r.getNewPassword()) : null,
                    r.hasCurrentPassword() ? r.getCurrentPassword() : null,
                    r.hasVerificationCode() ? r.getVerificationCode() : null);
            User u = users.setPassword(c.principal(), c.reason(), r.getUserId(), change);
            return SetPasswordResponse.newBuilder().setDetails(UserMessages.details(u)).build();
        });
    }
}
