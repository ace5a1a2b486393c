package dev.roster.http.v2;

import static dev.roster.http.v2.SessionsTest.get;
import static dev.roster.http.v2.SessionsTest.login;
import static dev.roster.http.v2.V2Fixtures.*;
import static org.assertj.core.api.Assertions.assertThat;

import dev.roster.app.PasswordHasher;
import dev.roster.app.RateLimit;
import dev.roster.app.Roster;
import dev.roster.proto.zitadel.session.v2.CreateSessionResponse;
import dev.roster.proto.zitadel.user.v2.HashedPassword;
import dev.roster.proto.zitadel.user.v2.Password;
import dev.roster.proto.zitadel.user.v2.SetPasswordRequest;
import dev.roster.proto.zitadel.user.v2.UnlockUserRequest;
import dev.roster.proto.zitadel.user.v2.UserState;
import dev.roster.testing.Engine;
import dev.roster.testing.Servers;
import dev.roster.testing.TestServer;
import org.bouncycastle.crypto.generators.OpenBSDBCrypt;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** SetPassword's rules, imported bcrypt hashes, and lockout after N failed checks (on here: limit 3). */
class PasswordsAndLockoutTest {
    @RegisterExtension
    static final Servers servers = new Servers(new Roster.Settings(3, PasswordHasher.standard(), RateLimit.OFF,
            RateLimit.OFF));

    private static V2Client client(Engine engine) {
        return V2Client.of(Transport.GRPC, servers.on(engine).http(), TestServer.ADMIN_KEY);
    }

    private static SetPasswordRequest.Builder set(String userId, String password) {
        return SetPasswordRequest.newBuilder().setUserId(userId).setNewPassword(Password.newBuilder().setPassword(password));
    }

    @ParameterizedTest
    @EnumSource(Engine.class)
    void setPasswordRules(Engine engine) {
        V2Client c = client(engine);
        String email = uniqueEmail();
        String id = addUserWithPassword(c, email);
        fails(c, () -> c.call(Rpc.SET_PASSWORD, set(id, "short").build()), INVALID_ARGUMENT, "DOMAIN-HuJf6");
        fails(c, () -> c.call(Rpc.SET_PASSWORD, set(id, "another long password").setCurrentPassword("wrong one!")
                .build()), INVALID_ARGUMENT, "COMMAND-3M0fs");
        fails(c, () -> c.call(Rpc.SET_PASSWORD, set(id, PASSWORD).setCurrentPassword(PASSWORD).build()),
                FAILED_PRECONDITION, "COMMAND-Aesh5");
        fails(c, () -> c.call(Rpc.SET_PASSWORD, set(id, "another long password").setVerificationCode("123456")
                .build()), FAILED_PRECONDITION, "COMMAND-2M9fs");
        assertThat(c.call(Rpc.SET_PASSWORD, set(id, "another long password").setCurrentPassword(PASSWORD).build())
                .getDetails().getSequence()).isEqualTo(2);
        fails(c, () -> c.call(Rpc.CREATE_SESSION, login(email, PASSWORD)), INVALID_ARGUMENT, "COMMAND-3M0fs");
        assertThat(c.call(Rpc.CREATE_SESSION, login(email, "another long password")).getSessionId()).isNotEmpty();
        // allowed while inactive, too
        c.call(Rpc.DEACTIVATE, UserLifecycleTest.deactivate(id));
        c.call(Rpc.SET_PASSWORD, set(id, "a third long password").build());
    }

    @ParameterizedTest
    @EnumSource(Engine.class)
    void importedBcryptHashLogsIn(Engine engine) {
        V2Client c = client(engine);
        String email = uniqueEmail();
        String bcrypt = OpenBSDBCrypt.generate("imported secret".toCharArray(), new byte[16], 6);
        c.call(Rpc.ADD_HUMAN_USER, human(email).setHashedPassword(HashedPassword.newBuilder().setHash(bcrypt)).build());
        assertThat(c.call(Rpc.CREATE_SESSION, login(email, "imported secret")).getSessionId()).isNotEmpty();
        fails(c, () -> c.call(Rpc.ADD_HUMAN_USER, human(uniqueEmail())
                        .setHashedPassword(HashedPassword.newBuilder().setHash("{SHA}abc")).build()),
                INVALID_ARGUMENT, "USER-oz74onzvqr");
    }

    @ParameterizedTest
    @EnumSource(Engine.class)
    void thirdWrongPasswordLocksTheUserAndEndsItsSessions(Engine engine) {
        V2Client c = client(engine);
        String email = uniqueEmail();
        String id = addUserWithPassword(c, email);
        CreateSessionResponse live = c.call(Rpc.CREATE_SESSION, login(email, PASSWORD));
        for (int attempt = 1; attempt <= 3; attempt++) {
            V2Failure f = fails(c, () -> c.call(Rpc.CREATE_SESSION, login(email, "not the password")),
                    INVALID_ARGUMENT, "COMMAND-3M0fs");
            assertThat(f.failedAttempts).isEqualTo(attempt);
        }
        assertThat(c.call(Rpc.GET_USER, UserLifecycleTest.get(id)).getUser().getState())
                .isEqualTo(UserState.USER_STATE_LOCKED);
        fails(c, () -> c.call(Rpc.GET_SESSION, get(live.getSessionId(), null)), NOT_FOUND, "QUERY-SFeaa");
        fails(c, () -> c.call(Rpc.CREATE_SESSION, login(email, PASSWORD)), FAILED_PRECONDITION, "SESSION-Gj4ko");
        c.call(Rpc.UNLOCK, UnlockUserRequest.newBuilder().setUserId(id).build());
        // unlocking forgets the failures: one wrong password is attempt 1 again
        V2Failure after = fails(c, () -> c.call(Rpc.CREATE_SESSION, login(email, "still wrong")),
                INVALID_ARGUMENT, "COMMAND-3M0fs");
        assertThat(after.failedAttempts).isEqualTo(1);
        assertThat(c.call(Rpc.CREATE_SESSION, login(email, PASSWORD)).getSessionId()).isNotEmpty();
        java.util.List<String> events = servers.on(engine).database().read(h -> h.createQuery(
                        "SELECT type FROM events WHERE aggregate_id = :id ORDER BY aggregate_version")
                .bind("id", id).mapTo(String.class).list());
        assertThat(events).containsSubsequence("user.added", "user.password_check_failed",
                "user.password_check_failed", "user.password_check_failed", "user.locked", "user.unlocked");
    }
}
