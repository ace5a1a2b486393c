package dev.roster.http.v2;

import static dev.roster.http.v2.V2Fixtures.*;
import static org.assertj.core.api.Assertions.assertThat;

import dev.roster.proto.zitadel.user.v2.*;
import dev.roster.testing.Engine;
import dev.roster.testing.Servers;
import dev.roster.testing.TestServer;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** UpdateHumanUser: rename, profile merge, email verification, phone, and the no-op that writes nothing. */
class UpdateHumanUserTest {
    @RegisterExtension
    static final Servers servers = new Servers();

    @ParameterizedTest
    @EnumSource(Engine.class)
    void updates(Engine engine) {
        V2Client c = V2Client.of(Transport.REST, servers.on(engine).http(), TestServer.ADMIN_KEY);
        String email = uniqueEmail();
        String taken = uniqueEmail();
        addUser(c, taken);
        String id = c.call(Rpc.ADD_HUMAN_USER, human(email).setProfile(SetHumanProfile.newBuilder()
                .setGivenName("Ada").setFamilyName("Lovelace").setNickName("ada").setPreferredLanguage("en")).build())
                .getUserId();

        // resending what is stored changes nothing: same version, no event
        long same = c.call(Rpc.UPDATE_HUMAN_USER, UpdateHumanUserRequest.newBuilder().setUserId(id).setUsername(email)
                .setEmail(SetHumanEmail.newBuilder().setEmail(email)).build()).getDetails().getSequence();
        assertThat(same).isEqualTo(1);

        fails(c, () -> c.call(Rpc.UPDATE_HUMAN_USER, UpdateHumanUserRequest.newBuilder().setUserId(id)
                .setUsername(taken.toUpperCase()).build()), ALREADY_EXISTS, "V3-DKcYh");

        UpdateHumanUserResponse changed = c.call(Rpc.UPDATE_HUMAN_USER, UpdateHumanUserRequest.newBuilder()
                .setUserId(id)
                .setUsername("ada.l")
                .setProfile(SetHumanProfile.newBuilder().setGivenName("Augusta").setFamilyName("King"))
                .setEmail(SetHumanEmail.newBuilder().setEmail("new-" + email))
                .setPhone(SetHumanPhone.newBuilder().setPhone("+44 20 7946 0000").setIsVerified(true))
                .build());
        assertThat(changed.getDetails().getSequence()).isEqualTo(2); // several changes, one version

        User u = c.call(Rpc.GET_USER, UserLifecycleTest.get(id)).getUser();
        assertThat(u.getUsername()).isEqualTo("ada.l");
        HumanProfile p = u.getHuman().getProfile();
        assertThat(p.getGivenName()).isEqualTo("Augusta");
        assertThat(p.getNickName()).isEqualTo("ada"); // absent optional parts keep their values
        assertThat(p.getPreferredLanguage()).isEqualTo("en");
        assertThat(p.getDisplayName()).isEqualTo("Ada Lovelace");
        assertThat(u.getHuman().getEmail().getEmail()).isEqualTo("new-" + email);
        assertThat(u.getHuman().getEmail().getIsVerified()).isFalse(); // a changed address starts unverified
        assertThat(u.getHuman().getPhone().getPhone()).isEqualTo("+44 20 7946 0000");
        assertThat(u.getHuman().getPhone().getIsVerified()).isTrue();

        fails(c, () -> c.call(Rpc.UPDATE_HUMAN_USER, UpdateHumanUserRequest.newBuilder().setUserId(id)
                .setProfile(SetHumanProfile.newBuilder().setGivenName("only")).build()), INVALID_ARGUMENT,
                "ROSTER-INVALID-ARGUMENT");
        fails(c, () -> c.call(Rpc.UPDATE_HUMAN_USER, UpdateHumanUserRequest.newBuilder().setUserId(id)
                .setEmail(SetHumanEmail.newBuilder().setEmail("not-an-address")).build()), INVALID_ARGUMENT,
                "ROSTER-INVALID-ARGUMENT");
    }
}
