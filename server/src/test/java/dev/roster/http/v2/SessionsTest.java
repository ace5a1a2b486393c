package dev.roster.http.v2;

import static dev.roster.http.v2.UserLifecycleTest.deactivate;
import static dev.roster.http.v2.UserLifecycleTest.lock;
import static dev.roster.http.v2.V2Fixtures.*;
import static org.assertj.core.api.Assertions.assertThat;

import com.google.protobuf.Duration;
import dev.roster.proto.zitadel.session.v2.*;
import dev.roster.proto.zitadel.user.v2.DeleteUserRequest;
import dev.roster.testing.Engine;
import dev.roster.testing.Servers;
import dev.roster.testing.TestServer;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Sessions checked by user and password, and their end when the user is deactivated, locked or deleted. */
class SessionsTest {
    @RegisterExtension
    static final Servers servers = new Servers();

    private static V2Client client(Engine engine, Transport transport) {
        return V2Client.of(transport, servers.on(engine).http(), TestServer.ADMIN_KEY);
    }

    static CreateSessionRequest login(String loginName, String password) {
        Checks.Builder checks = Checks.newBuilder().setUser(CheckUser.newBuilder().setLoginName(loginName));
        if (password != null) {
            checks.setPassword(CheckPassword.newBuilder().setPassword(password));
        }
        return CreateSessionRequest.newBuilder().setChecks(checks).build();
    }

    static GetSessionRequest get(String id, String token) {
        GetSessionRequest.Builder b = GetSessionRequest.newBuilder().setSessionId(id);
        if (token != null) {
            b.setSessionToken(token);
        }
        return b.build();
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("dev.roster.http.v2.V2Fixtures#everyEngineAndTransport")
    void passwordLoginCreatesASessionReadableWithItsToken(Engine engine, Transport transport) {
        V2Client c = client(engine, transport);
        String email = uniqueEmail();
        String userId = addUserWithPassword(c, email);
        CreateSessionResponse created = c.call(Rpc.CREATE_SESSION, login(email.toUpperCase(), PASSWORD).toBuilder()
                .setLifetime(Duration.newBuilder().setSeconds(3600)).build());
        assertThat(created.getSessionId()).matches("ses_[0-9a-f]{32}");
        assertThat(created.getSessionToken()).hasSizeGreaterThanOrEqualTo(40);
        assertThat(created.getDetails().getSequence()).isEqualTo(1);
        assertThat(created.getDetails().getResourceOwner()).isEqualTo(DEFAULT_ORG);

        Session s = c.call(Rpc.GET_SESSION, get(created.getSessionId(), created.getSessionToken())).getSession();
        assertThat(s.getFactors().getUser().getId()).isEqualTo(userId);
        assertThat(s.getFactors().getUser().getLoginName()).isEqualTo(email);
        assertThat(s.getFactors().getUser().getOrganizationId()).isEqualTo(DEFAULT_ORG);
        assertThat(s.getFactors().hasPassword()).isTrue();
        assertThat(s.hasExpirationDate()).isTrue();
        assertThat(s.getExpirationDate().getSeconds() - s.getCreationDate().getSeconds()).isEqualTo(3600);

        fails(c, () -> c.call(Rpc.GET_SESSION, get(created.getSessionId(), "not-the-token")), PERMISSION_DENIED,
                "QUERY-dsfr3");
        ListSessionsResponse mine = c.call(Rpc.LIST_SESSIONS, ListSessionsRequest.newBuilder()
                .addQueries(SearchQuery.newBuilder().setUserIdQuery(UserIDQuery.newBuilder().setId(userId))).build());
        assertThat(mine.getSessionsList()).extracting(Session::getId).containsExactly(created.getSessionId());
        fails(c, () -> c.call(Rpc.LIST_SESSIONS, ListSessionsRequest.newBuilder()
                .addQueries(SearchQuery.getDefaultInstance()).build()), INVALID_ARGUMENT, "GRPC-Sfefs");
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("dev.roster.http.v2.V2Fixtures#everyEngineAndTransport")
    void wrongPasswordReportsCredentialsCheckErrorWithAttempts(Engine engine, Transport transport) {
        V2Client c = client(engine, transport);
        String email = uniqueEmail();
        addUserWithPassword(c, email);
        V2Failure first = fails(c, () -> c.call(Rpc.CREATE_SESSION, login(email, "wrong password")),
                INVALID_ARGUMENT, "COMMAND-3M0fs");
        assertThat(first.detailType).isEqualTo("zitadel.v1.CredentialsCheckError");
        assertThat(first.failedAttempts).isEqualTo(1);
        V2Failure second = fails(c, () -> c.call(Rpc.CREATE_SESSION, login(email, "wrong again")),
                INVALID_ARGUMENT, "COMMAND-3M0fs");
        assertThat(second.failedAttempts).isEqualTo(2);
        // lockout is off by default: the right password still works
        assertThat(c.call(Rpc.CREATE_SESSION, login(email, PASSWORD)).getSessionId()).isNotEmpty();
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("dev.roster.http.v2.V2Fixtures#everyEngineAndTransport")
    void deactivatedUsersSessionTokenStopsWorkingAtOnce(Engine engine, Transport transport) {
        V2Client c = client(engine, transport);
        String email = uniqueEmail();
        String userId = addUserWithPassword(c, email);
        CreateSessionResponse one = c.call(Rpc.CREATE_SESSION, login(email, PASSWORD));
        CreateSessionResponse two = c.call(Rpc.CREATE_SESSION, login(email, PASSWORD));
        assertThat(c.call(Rpc.GET_SESSION, get(one.getSessionId(), one.getSessionToken())).getSession().getId())
                .isEqualTo(one.getSessionId());

        c.call(Rpc.DEACTIVATE, deactivate(userId));

        fails(c, () -> c.call(Rpc.GET_SESSION, get(one.getSessionId(), one.getSessionToken())), NOT_FOUND,
                "QUERY-SFeaa");
        fails(c, () -> c.call(Rpc.GET_SESSION, get(two.getSessionId(), null)), NOT_FOUND, "QUERY-SFeaa");
        assertThat(c.call(Rpc.LIST_SESSIONS, ListSessionsRequest.newBuilder().addQueries(SearchQuery.newBuilder()
                .setUserIdQuery(UserIDQuery.newBuilder().setId(userId))).build()).getSessionsList()).isEmpty();
        fails(c, () -> c.call(Rpc.CREATE_SESSION, login(email, PASSWORD)), FAILED_PRECONDITION, "SESSION-Gj4ko");
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("dev.roster.http.v2.V2Fixtures#everyEngineAndTransport")
    void lockAndDeleteEndSessionsAndRefuseLogin(Engine engine, Transport transport) {
        V2Client c = client(engine, transport);
        String email = uniqueEmail();
        String userId = addUserWithPassword(c, email);
        CreateSessionResponse before = c.call(Rpc.CREATE_SESSION, login(email, PASSWORD));
        c.call(Rpc.LOCK, lock(userId));
        fails(c, () -> c.call(Rpc.GET_SESSION, get(before.getSessionId(), before.getSessionToken())), NOT_FOUND,
                "QUERY-SFeaa");
        fails(c, () -> c.call(Rpc.CREATE_SESSION, login(email, PASSWORD)), FAILED_PRECONDITION, "SESSION-Gj4ko");

        String other = uniqueEmail();
        String otherId = addUserWithPassword(c, other);
        CreateSessionResponse live = c.call(Rpc.CREATE_SESSION, login(other, PASSWORD));
        c.call(Rpc.DELETE_USER, DeleteUserRequest.newBuilder().setUserId(otherId).build());
        fails(c, () -> c.call(Rpc.GET_SESSION, get(live.getSessionId(), null)), NOT_FOUND, "QUERY-SFeaa");
        fails(c, () -> c.call(Rpc.CREATE_SESSION, login(other, PASSWORD)), NOT_FOUND, "QUERY-Dfbg2");
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("dev.roster.http.v2.V2Fixtures#everyEngineAndTransport")
    void checksThatCannotSucceed(Engine engine, Transport transport) {
        V2Client c = client(engine, transport);
        String email = uniqueEmail();
        addUser(c, email); // no password
        fails(c, () -> c.call(Rpc.CREATE_SESSION, login(email, PASSWORD)), FAILED_PRECONDITION, "COMMAND-WEf3t");
        fails(c, () -> c.call(Rpc.CREATE_SESSION, CreateSessionRequest.newBuilder().setChecks(Checks.newBuilder()
                .setPassword(CheckPassword.newBuilder().setPassword(PASSWORD))).build()), FAILED_PRECONDITION,
                "COMMAND-Sfw3f");
        fails(c, () -> c.call(Rpc.CREATE_SESSION, login("nobody@example.com", PASSWORD)), NOT_FOUND, "QUERY-Dfbg2");
        fails(c, () -> c.call(Rpc.CREATE_SESSION, login(email, null).toBuilder()
                .setChecks(login(email, null).getChecks().toBuilder().setTotp(CheckTOTP.newBuilder().setCode("123456")))
                .build()), UNIMPLEMENTED, "ROSTER-UNSUPPORTED");
        // a user check alone makes a session without a password factor
        CreateSessionResponse userOnly = c.call(Rpc.CREATE_SESSION, login(email, null));
        Session s = c.call(Rpc.GET_SESSION, get(userOnly.getSessionId(), null)).getSession();
        assertThat(s.getFactors().hasUser()).isTrue();
        assertThat(s.getFactors().hasPassword()).isFalse();
        // no checks at all: an empty session without factors
        CreateSessionResponse empty = c.call(Rpc.CREATE_SESSION, CreateSessionRequest.getDefaultInstance());
        assertThat(c.call(Rpc.GET_SESSION, get(empty.getSessionId(), null)).getSession().hasFactors()).isFalse();
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("dev.roster.http.v2.V2Fixtures#everyEngineAndTransport")
    void deleteSessionIsIdempotentAndChecksTheToken(Engine engine, Transport transport) {
        V2Client c = client(engine, transport);
        String email = uniqueEmail();
        addUserWithPassword(c, email);
        CreateSessionResponse s = c.call(Rpc.CREATE_SESSION, login(email, PASSWORD));
        fails(c, () -> c.call(Rpc.DELETE_SESSION, DeleteSessionRequest.newBuilder().setSessionId(s.getSessionId())
                .setSessionToken("wrong").build()), PERMISSION_DENIED, "COMMAND-sGr42");
        DeleteSessionResponse ended = c.call(Rpc.DELETE_SESSION, DeleteSessionRequest.newBuilder()
                .setSessionId(s.getSessionId()).setSessionToken(s.getSessionToken()).build());
        assertThat(ended.getDetails().getSequence()).isEqualTo(2);
        fails(c, () -> c.call(Rpc.GET_SESSION, get(s.getSessionId(), null)), NOT_FOUND, "QUERY-SFeaa");
        assertThat(c.call(Rpc.DELETE_SESSION, DeleteSessionRequest.newBuilder().setSessionId(s.getSessionId()).build())
                .getDetails().getResourceOwner()).isEqualTo(DEFAULT_ORG);
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("dev.roster.http.v2.V2Fixtures#everyEngineAndTransport")
    void deletingAnIdThatNamesNoSessionOfTheCallerIsNotFoundAndChangesNothing(Engine engine, Transport transport) {
        V2Client c = client(engine, transport);
        V2Client other = V2Client.of(transport, servers.on(engine).http(), otherTenantKey(servers.admin(engine)));
        CreateSessionResponse theirs = other.call(Rpc.CREATE_SESSION, CreateSessionRequest.getDefaultInstance());

        for (String id : new String[] {"ses_0123456789abcdef0123456789abcdef", "not-a-session-id", theirs.getSessionId()}) {
            fails(c, () -> c.call(Rpc.DELETE_SESSION, DeleteSessionRequest.newBuilder().setSessionId(id).build()),
                    NOT_FOUND, "QUERY-SFeaa");
        }
        assertThat(other.call(Rpc.GET_SESSION, get(theirs.getSessionId(), null)).getSession().getSequence())
                .as("the other tenant's session, untouched").isEqualTo(1);
    }
}
