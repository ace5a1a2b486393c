package dev.roster.http.v2;

import dev.roster.app.Sessions;
import dev.roster.domain.DomainError;
import dev.roster.proto.zitadel.session.v2.CreateSessionRequest;
import dev.roster.proto.zitadel.session.v2.CreateSessionResponse;
import dev.roster.proto.zitadel.session.v2.DeleteSessionRequest;
import dev.roster.proto.zitadel.session.v2.DeleteSessionResponse;
import dev.roster.proto.zitadel.session.v2.GetSessionRequest;
import dev.roster.proto.zitadel.session.v2.GetSessionResponse;
import dev.roster.proto.zitadel.session.v2.ListSessionsRequest;
import dev.roster.proto.zitadel.session.v2.ListSessionsResponse;
import dev.roster.proto.zitadel.session.v2.SessionFieldName;
import dev.roster.proto.zitadel.session.v2.SessionServiceGrpc;
import dev.roster.store.Listed;
import io.grpc.stub.StreamObserver;
import java.time.Clock;
import java.time.Instant;

/** {@code zitadel.session.v2.SessionService} over gRPC, gRPC-Web and REST. */
final class SessionServiceImpl extends SessionServiceGrpc.SessionServiceImplBase {
    private final Sessions sessions;
    private final GrpcCalls calls;
    private final Clock clock;

    SessionServiceImpl(Sessions sessions, GrpcCalls calls, Clock clock) {
        this.sessions = sessions;
        this.calls = calls;
        this.clock = clock;
    }

    @Override
    public void createSession(CreateSessionRequest r, StreamObserver<CreateSessionResponse> out) {
        calls.unary(out, c -> {
            Sessions.Created created = sessions.create(c.principal(), c.reason(), SessionMessages.newSession(r));
            var s = created.session();
            return CreateSessionResponse.newBuilder()
                    .setDetails(Protos.details(s.version(), s.changedAt(), s.organizationId(), s.createdAt()))
                    .setSessionId(s.id())
                    .setSessionToken(created.token())
                    .build();
        });
    }

    @Override
    public void getSession(GetSessionRequest r, StreamObserver<GetSessionResponse> out) {
        calls.unary(out, c -> GetSessionResponse.newBuilder()
                .setSession(SessionMessages.session(sessions.get(c.principal(), r.getSessionId(),
                        r.hasSessionToken() ? r.getSessionToken() : null)))
                .build());
    }

    @Override
    public void listSessions(ListSessionsRequest r, StreamObserver<ListSessionsResponse> out) {
        calls.unary(out, c -> {
            if (r.getSortingColumn() == SessionFieldName.UNRECOGNIZED) {
                throw DomainError.invalidField("sortingColumn", "value must be one of the defined enum values");
            }
            Listed<dev.roster.domain.Session> listing = sessions.list(c.principal(), SessionMessages.filters(r.getQueriesList()),
                    r.getQuery().getAsc(), Protos.offset(r.getQuery()), Protos.limit(r.getQuery()));
            ListSessionsResponse.Builder b = ListSessionsResponse.newBuilder()
                    .setDetails(Protos.listDetails(listing.total(), Instant.now(clock)));
            listing.items().forEach(s -> b.addSessions(SessionMessages.session(s)));
            return b.build();
        });
    }

    @Override
    public void deleteSession(DeleteSessionRequest r, StreamObserver<DeleteSessionResponse> out) {
        calls.unary(out, c -> {
            Sessions.Ended ended = sessions.delete(c.principal(), c.reason(), r.getSessionId(),
                    r.hasSessionToken() ? r.getSessionToken() : null);
            return DeleteSessionResponse.newBuilder()
                    .setDetails(Protos.details(ended.version(), ended.at(), ended.organizationId(), null))
                    .build();
        });
    }
}
