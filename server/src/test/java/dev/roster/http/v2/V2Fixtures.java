package dev.roster.http.v2;

import static org.assertj.core.api.Assertions.assertThat;

import dev.roster.proto.zitadel.user.v2.AddHumanUserRequest;
import dev.roster.proto.zitadel.user.v2.Password;
import dev.roster.proto.zitadel.user.v2.SetHumanEmail;
import dev.roster.proto.zitadel.user.v2.SetHumanProfile;
import dev.roster.testing.Engine;
import dev.roster.testing.Http;
import dev.roster.testing.Reply;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.params.provider.Arguments;

/** What the v2 tests share: the engine × transport matrix, a user to start from, and failure expectations. */
final class V2Fixtures {
    static final String DEFAULT_ORG = "org_00000000000000000000000000000001";
    static final String PASSWORD = "correct horse battery";

    private V2Fixtures() {
    }

    static Stream<Arguments> everyEngineAndTransport() {
        return Stream.of(Engine.values())
                .flatMap(e -> Stream.of(Transport.values()).map(t -> Arguments.of(e, t)));
    }

    static String uniqueEmail() {
        return "u" + UUID.randomUUID().toString().substring(0, 12) + "@example.com";
    }

    static AddHumanUserRequest.Builder human(String email) {
        return AddHumanUserRequest.newBuilder()
                .setProfile(SetHumanProfile.newBuilder().setGivenName("Ada").setFamilyName("Lovelace"))
                .setEmail(SetHumanEmail.newBuilder().setEmail(email).setIsVerified(true));
    }

    static String addUser(V2Client client, String email) {
        return client.call(Rpc.ADD_HUMAN_USER, human(email).build()).getUserId();
    }

    static String addUserWithPassword(V2Client client, String email) {
        return client.call(Rpc.ADD_HUMAN_USER,
                human(email).setPassword(Password.newBuilder().setPassword(PASSWORD)).build()).getUserId();
    }

    /** Runs {@code call}, which must fail, and checks the error against the one shape every transport shares. */
    static V2Failure fails(V2Client client, Runnable call, int code, String id) {
        try {
            call.run();
        } catch (V2Failure f) {
            assertThat(f.code).as("code of %s", f).isEqualTo(code);
            assertThat(f.id).as("id of %s", f).isEqualTo(id);
            assertThat(f.statusMessage).isEqualTo(f.text + " (" + id + ")");
            if (client.transport() == Transport.REST) {
                assertThat(f.httpStatus).isEqualTo(httpStatus(code));
            }
            return f;
        }
        throw new AssertionError("expected failure " + code + " " + id);
    }

    private static int httpStatus(int code) {
        return switch (code) {
            case 3, 9, 11 -> 400;
            case 5 -> 404;
            case 6, 10 -> 409;
            case 7 -> 403;
            case 8 -> 429;
            case 12 -> 501;
            case 16 -> 401;
            default -> 500;
        };
    }

    /** A new organization and a key of it, made by the instance admin: another tenant. */
    static String otherTenantKey(Http admin) {
        Reply org = admin.post("/v1/organizations", Http.json("name", "Other tenant"));
        assertThat(org.status()).as(org.toString()).isEqualTo(200);
        String orgId = org.json().path("organizationId").asText();
        Reply key = admin.post("/v1/organizations/" + orgId + "/api-keys", Http.json("name", "other"));
        assertThat(key.status()).as(key.toString()).isEqualTo(200);
        return key.json().path("key").asText();
    }

    static final int INVALID_ARGUMENT = 3;
    static final int NOT_FOUND = 5;
    static final int ALREADY_EXISTS = 6;
    static final int PERMISSION_DENIED = 7;
    static final int FAILED_PRECONDITION = 9;
    static final int UNIMPLEMENTED = 12;
    static final int UNAUTHENTICATED = 16;
}
