package dev.roster.http.v2;

import static dev.roster.http.v2.V2Fixtures.*;
import static org.assertj.core.api.Assertions.assertThat;

import dev.roster.proto.zitadel.user.v2.*;
import dev.roster.testing.Engine;
import dev.roster.testing.Servers;
import dev.roster.testing.TestServer;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The user state machine of zitadel-v2.md §5, every state × operation, over every transport and engine. */
class UserLifecycleTest {
    @RegisterExtension
    static final Servers servers = new Servers();

    private static V2Client client(Engine engine, Transport transport) {
        return V2Client.of(transport, servers.on(engine).http(), TestServer.ADMIN_KEY);
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("dev.roster.http.v2.V2Fixtures#everyEngineAndTransport")
    void addedUserIsActiveWithZitadelShape(Engine engine, Transport transport) {
        V2Client c = client(engine, transport);
        String email = uniqueEmail();
        AddHumanUserResponse added = c.call(Rpc.ADD_HUMAN_USER, human(email).build());
        assertThat(added.getUserId()).matches("usr_[0-9a-f]{32}");
        assertThat(added.getDetails().getSequence()).isEqualTo(1);
        assertThat(added.getDetails().getResourceOwner()).isEqualTo(DEFAULT_ORG);
        assertThat(added.getDetails().hasChangeDate()).isTrue();

        GetUserByIDResponse got = c.call(Rpc.GET_USER, get(added.getUserId()));
        User u = got.getUser();
        assertThat(u.getState()).isEqualTo(UserState.USER_STATE_ACTIVE);
        assertThat(u.getUsername()).isEqualTo(email); // the username defaults to the email
        assertThat(u.getLoginNamesList()).containsExactly(email);
        assertThat(u.getPreferredLoginName()).isEqualTo(email);
        assertThat(u.getHuman().getProfile().getDisplayName()).isEqualTo("Ada Lovelace");
        assertThat(u.getHuman().getProfile().getPreferredLanguage()).isEqualTo("und");
        assertThat(u.getHuman().getProfile().hasGender()).isTrue();
        assertThat(u.getHuman().hasPhone()).isTrue();
        assertThat(u.getHuman().getEmail().getIsVerified()).isTrue();
        assertThat(u.getDetails()).isEqualTo(got.getDetails());
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("dev.roster.http.v2.V2Fixtures#everyEngineAndTransport")
    void everyTransitionFromActiveInactiveAndLocked(Engine engine, Transport transport) {
        V2Client c = client(engine, transport);
        String id = addUser(c, uniqueEmail());

        // ACTIVE
        fails(c, () -> c.call(Rpc.REACTIVATE, reactivate(id)), FAILED_PRECONDITION, "COMMAND-s5qqcz97hf");
        fails(c, () -> c.call(Rpc.UNLOCK, unlock(id)), FAILED_PRECONDITION, "COMMAND-olb9vb0oca");
        assertThat(c.call(Rpc.DEACTIVATE, deactivate(id)).getDetails().getSequence()).isEqualTo(2);
        assertState(c, id, UserState.USER_STATE_INACTIVE);

        // INACTIVE
        V2Failure again = fails(c, () -> c.call(Rpc.DEACTIVATE, deactivate(id)), FAILED_PRECONDITION,
                "COMMAND-5gunjw0cd7");
        assertThat(again.statusMessage).isEqualTo("User already inactive (COMMAND-5gunjw0cd7)");
        assertThat(again.detailType).isEqualTo("zitadel.v1.ErrorDetail");
        fails(c, () -> c.call(Rpc.LOCK, lock(id)), FAILED_PRECONDITION, "COMMAND-lgws8wtsqf");
        fails(c, () -> c.call(Rpc.UNLOCK, unlock(id)), FAILED_PRECONDITION, "COMMAND-olb9vb0oca");
        assertThat(c.call(Rpc.UPDATE_HUMAN_USER, rename(id, "Ada I")).getDetails().getSequence()).isEqualTo(3);
        assertState(c, id, UserState.USER_STATE_INACTIVE);
        assertThat(c.call(Rpc.REACTIVATE, reactivate(id)).getDetails().getSequence()).isEqualTo(4);
        assertState(c, id, UserState.USER_STATE_ACTIVE);

        // LOCKED
        assertThat(c.call(Rpc.LOCK, lock(id)).getDetails().getSequence()).isEqualTo(5);
        assertState(c, id, UserState.USER_STATE_LOCKED);
        fails(c, () -> c.call(Rpc.LOCK, lock(id)), FAILED_PRECONDITION, "COMMAND-lgws8wtsqf");
        fails(c, () -> c.call(Rpc.REACTIVATE, reactivate(id)), FAILED_PRECONDITION, "COMMAND-s5qqcz97hf");
        c.call(Rpc.UPDATE_HUMAN_USER, rename(id, "Ada L"));
        assertState(c, id, UserState.USER_STATE_LOCKED);
        c.call(Rpc.UNLOCK, unlock(id));
        assertState(c, id, UserState.USER_STATE_ACTIVE);

        // LOCKED → deactivate → reactivate lands in ACTIVE: the lock is forgotten
        c.call(Rpc.LOCK, lock(id));
        c.call(Rpc.DEACTIVATE, deactivate(id));
        assertState(c, id, UserState.USER_STATE_INACTIVE);
        c.call(Rpc.REACTIVATE, reactivate(id));
        GetUserByIDResponse last = c.call(Rpc.GET_USER, get(id));
        assertThat(last.getUser().getState()).isEqualTo(UserState.USER_STATE_ACTIVE);
        assertThat(last.getUser().getHuman().getProfile().getGivenName()).isEqualTo("Ada L");
        assertThat(last.getDetails().getSequence()).isEqualTo(10);
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("dev.roster.http.v2.V2Fixtures#everyEngineAndTransport")
    void deleteFromEveryStateThenEveryOperationIsNotFound(Engine engine, Transport transport) {
        V2Client c = client(engine, transport);
        String active = addUser(c, uniqueEmail());
        String inactive = addUser(c, uniqueEmail());
        c.call(Rpc.DEACTIVATE, deactivate(inactive));
        String locked = addUser(c, uniqueEmail());
        c.call(Rpc.LOCK, lock(locked));
        for (String id : new String[] {active, inactive, locked}) {
            assertThat(c.call(Rpc.DELETE_USER, DeleteUserRequest.newBuilder().setUserId(id).build())
                    .getDetails().getResourceOwner()).isEqualTo(DEFAULT_ORG);
        }
        String id = active;
        fails(c, () -> c.call(Rpc.GET_USER, get(id)), NOT_FOUND, "QUERY-Dfbg2");
        fails(c, () -> c.call(Rpc.DEACTIVATE, deactivate(id)), NOT_FOUND, "COMMAND-5gp2p62iin");
        fails(c, () -> c.call(Rpc.REACTIVATE, reactivate(id)), NOT_FOUND, "COMMAND-9hy5kzbuk6");
        fails(c, () -> c.call(Rpc.LOCK, lock(id)), NOT_FOUND, "COMMAND-450yxuqrh1");
        fails(c, () -> c.call(Rpc.UNLOCK, unlock(id)), NOT_FOUND, "COMMAND-x377t913pw");
        fails(c, () -> c.call(Rpc.DELETE_USER, DeleteUserRequest.newBuilder().setUserId(id).build()), NOT_FOUND,
                "COMMAND-bd4ir1mblj");
        fails(c, () -> c.call(Rpc.UPDATE_HUMAN_USER, rename(id, "x")), NOT_FOUND, "COMMAND-ugjs0upun6");
        fails(c, () -> c.call(Rpc.SET_PASSWORD, SetPasswordRequest.newBuilder().setUserId(id)
                .setNewPassword(Password.newBuilder().setPassword(PASSWORD)).build()), NOT_FOUND, "COMMAND-G8dh3");
        // never listed again
        ListUsersResponse listed = c.call(Rpc.LIST_USERS, ListUsersRequest.newBuilder()
                .addQueries(SearchQuery.newBuilder().setInUserIdsQuery(InUserIDQuery.newBuilder()
                        .addUserIds(active).addUserIds(inactive).addUserIds(locked)))
                .build());
        assertThat(listed.getResultList()).isEmpty();
        assertThat(listed.getDetails().getTotalResult()).isZero();
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("dev.roster.http.v2.V2Fixtures#everyEngineAndTransport")
    void deletedIdIsNotReusableButItsUsernameIs(Engine engine, Transport transport) {
        V2Client c = client(engine, transport);
        String email = uniqueEmail();
        String chosen = "usr_" + java.util.UUID.randomUUID().toString().replace("-", "");
        c.call(Rpc.ADD_HUMAN_USER, human(email).setUserId(chosen).build());
        fails(c, () -> c.call(Rpc.ADD_HUMAN_USER, human(uniqueEmail()).setUserId(chosen).build()),
                FAILED_PRECONDITION, "COMMAND-7yiox1isql");
        fails(c, () -> c.call(Rpc.ADD_HUMAN_USER, human(email.toUpperCase()).build()), ALREADY_EXISTS, "V3-DKcYh");
        c.call(Rpc.DELETE_USER, DeleteUserRequest.newBuilder().setUserId(chosen).build());
        fails(c, () -> c.call(Rpc.ADD_HUMAN_USER, human(uniqueEmail()).setUserId(chosen).build()),
                FAILED_PRECONDITION, "COMMAND-7yiox1isql");
        String again = addUser(c, email);
        assertThat(again).isNotEqualTo(chosen);
        fails(c, () -> c.call(Rpc.ADD_HUMAN_USER, human(uniqueEmail()).setUserId("not-a-roster-id").build()),
                INVALID_ARGUMENT, "ROSTER-INVALID-ARGUMENT");
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("dev.roster.http.v2.V2Fixtures#everyEngineAndTransport")
    void anotherTenantsUserIsNotFoundBeforeAnyStateCheck(Engine engine, Transport transport) {
        V2Client mine = client(engine, transport);
        String id = addUser(mine, uniqueEmail());
        mine.call(Rpc.DEACTIVATE, deactivate(id));
        V2Client other = V2Client.of(transport, servers.on(engine).http(),
                otherTenantKey(servers.admin(engine)));
        fails(other, () -> other.call(Rpc.GET_USER, get(id)), NOT_FOUND, "QUERY-Dfbg2");
        // inactive in its own tenant, yet another tenant learns nothing but NOT_FOUND
        fails(other, () -> other.call(Rpc.DEACTIVATE, deactivate(id)), NOT_FOUND, "COMMAND-5gp2p62iin");
        fails(other, () -> other.call(Rpc.ADD_HUMAN_USER, human(uniqueEmail())
                        .setOrganization(dev.roster.proto.zitadel.object.v2.Organization.newBuilder().setOrgId(DEFAULT_ORG))
                        .build()),
                NOT_FOUND, "ORGANIZATION-NOT-FOUND");
        V2Client anonymous = V2Client.of(transport, servers.on(engine).http(), null);
        fails(anonymous, () -> anonymous.call(Rpc.DEACTIVATE, deactivate(id)), UNAUTHENTICATED, "ROSTER-AUTH-MISSING");
        V2Client badKey = V2Client.of(transport, servers.on(engine).http(), "sk_live_not_a_key");
        fails(badKey, () -> badKey.call(Rpc.DEACTIVATE, deactivate(id)), UNAUTHENTICATED, "AUTH-7fs1e");
    }

    private static void assertState(V2Client c, String id, UserState state) {
        assertThat(c.call(Rpc.GET_USER, get(id)).getUser().getState()).isEqualTo(state);
    }

    static GetUserByIDRequest get(String id) {
        return GetUserByIDRequest.newBuilder().setUserId(id).build();
    }

    static DeactivateUserRequest deactivate(String id) {
        return DeactivateUserRequest.newBuilder().setUserId(id).build();
    }

    static ReactivateUserRequest reactivate(String id) {
        return ReactivateUserRequest.newBuilder().setUserId(id).build();
    }

    static LockUserRequest lock(String id) {
        return LockUserRequest.newBuilder().setUserId(id).build();
    }

    static UnlockUserRequest unlock(String id) {
        return UnlockUserRequest.newBuilder().setUserId(id).build();
    }

    static UpdateHumanUserRequest rename(String id, String givenName) {
        return UpdateHumanUserRequest.newBuilder().setUserId(id)
                .setProfile(SetHumanProfile.newBuilder().setGivenName(givenName).setFamilyName("Lovelace"))
                .build();
    }
}
