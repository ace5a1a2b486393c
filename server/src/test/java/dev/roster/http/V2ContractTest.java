package dev.roster.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.roster.app.Roster;
import dev.roster.http.OpenApiContract.Exchange;
import dev.roster.testing.Engine;
import dev.roster.testing.Http;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** ZITADEL's user and session operations over REST (`/v2/…`) against the OpenAPI document. */
class V2ContractTest extends OpenApiContractSupport {
    @AfterAll
    static void everyOperationOfTheSurfaceSucceededOnEveryEngine() {
        everyOperationSucceededOnEveryEngine("v2.");
    }

    @ParameterizedTest
    @EnumSource(Engine.class)
    void v2UserLifecycle(Engine engine) {
        String email = uniqueEmail();
        Exchange added = conforms(engine, call(engine, ADMIN, "POST", "/v2/users/human", Http.json(
                "username", "contract-" + UUID.randomUUID(),
                "organization", Http.json("orgId", DEFAULT_ORG),
                "profile", Http.json("givenName", "Ada", "familyName", "Lovelace", "nickName", "ada",
                        "preferredLanguage", "en", "gender", "GENDER_FEMALE"),
                "email", Http.json("email", email, "isVerified", true),
                "phone", Http.json("phone", "+41 79 000 00 00", "isVerified", true),
                "password", Http.json("password", PASSWORD, "changeRequired", false)),
                "application/json", "Roster-Reason", "hire"), 200);
        String id = added.reply().json().get("userId").asText();
        String chosen = "usr_" + UUID.randomUUID().toString().replace("-", "");
        conforms(engine, call(engine, ADMIN, "POST", "/v2/users/human", Http.json("userId", chosen,
                "profile", Http.json("givenName", "Bo", "familyName", "Chosen"), "email", Http.json("email", uniqueEmail()),
                "hashedPassword", Http.json("hash", BCRYPT_OF_PASSWORD)), "application/json",
                "x-zitadel-orgid", DEFAULT_ORG), 200);
        String user = "/v2/users/" + id;

        Exchange got = conforms(engine, call(engine, ADMIN, "GET", user, null, null), 200);
        assertThat(got.reply().json().at("/user/state").asText()).isEqualTo("USER_STATE_ACTIVE");
        conforms(engine, call(engine, ADMIN, "POST", "/v2/users", Http.object(), "application/json"), 200);
        Exchange listed = conforms(engine, call(engine, ADMIN, "POST", "/v2/users", Http.json(
                "query", Http.json("offset", "0", "limit", 10, "asc", true),
                "sortingColumn", "USER_FIELD_NAME_CREATION_DATE",
                "queries", List.of(
                        Http.json("orQuery", Http.json("queries", List.of(
                                Http.json("emailQuery", Http.json("emailAddress", email.toUpperCase(java.util.Locale.ROOT),
                                        "method", "TEXT_QUERY_METHOD_EQUALS_IGNORE_CASE")),
                                Http.json("inUserIdsQuery", Http.json("userIds", List.of(chosen)))))),
                        Http.json("notQuery", Http.json("query", Http.json("stateQuery",
                                Http.json("state", "USER_STATE_INACTIVE")))),
                        Http.json("typeQuery", Http.json("type", "TYPE_HUMAN")))),
                "application/json"), 200);
        assertThat(listed.reply().json().get("result")).hasSize(2);
        conforms(engine, call(engine, ADMIN, "POST", "/v2/users", Http.json("queries", List.of(
                Http.json("userNameQuery", Http.json("userName", "nobody-" + UUID.randomUUID())))),
                "application/json"), 200);
        conforms(engine, call(engine, ADMIN, "PUT", "/v2/users/human/" + id, Http.json(
                "profile", Http.json("givenName", "Augusta Ada", "familyName", "King"),
                "email", Http.json("email", uniqueEmail()), "phone", Http.json("phone", "+41 79 111 11 11")),
                "application/json"), 200);
        conforms(engine, call(engine, ADMIN, "POST", user + "/password", Http.json(
                "newPassword", Http.json("password", PASSWORD + " 2"), "currentPassword", PASSWORD),
                "application/json"), 200);

        // Every transition once, then again where ZITADEL refuses the repeat.
        Map<String, String> refusedRepeat = new LinkedHashMap<>();
        refusedRepeat.put("deactivate", "COMMAND-5gunjw0cd7");
        refusedRepeat.put("reactivate", "COMMAND-s5qqcz97hf");
        refusedRepeat.put("lock", "COMMAND-lgws8wtsqf");
        refusedRepeat.put("unlock", "COMMAND-olb9vb0oca");
        refusedRepeat.forEach((action, errorId) -> {
            conforms(engine, call(engine, ADMIN, "POST", user + "/" + action, Http.object(), "application/json"), 200);
            failsConforming(engine, call(engine, ADMIN, "POST", user + "/" + action, Http.object(), "application/json"),
                    400, errorId);
        });
        conforms(engine, call(engine, ADMIN, "DELETE", user, null, null), 200);
        failsConforming(engine, call(engine, ADMIN, "DELETE", user, null, null), 404, "COMMAND-bd4ir1mblj");
        failsConforming(engine, call(engine, ADMIN, "GET", user, null, null), 404, "QUERY-Dfbg2");
    }

    @ParameterizedTest
    @EnumSource(Engine.class)
    void v2UserFailures(Engine engine) {
        String taken = uniqueEmail();
        String id = newV2User(engine, taken, PASSWORD);
        String unknown = "/v2/users/usr_00000000000000000000000000000000";
        ObjectNode profile = Http.json("givenName", "Eve", "familyName", "Doe");

        failsConforming(engine, call(engine, ADMIN, "POST", "/v2/users/human", Http.json("username", taken.toUpperCase(
                java.util.Locale.ROOT), "profile", profile, "email", Http.json("email", uniqueEmail())),
                "application/json"), 409, "V3-DKcYh");
        failsConforming(engine, call(engine, ADMIN, "POST", "/v2/users/human", Http.json("userId", id,
                "profile", profile, "email", Http.json("email", uniqueEmail())), "application/json"),
                400, "COMMAND-7yiox1isql");
        failsConforming(engine, call(engine, ADMIN, "POST", "/v2/users/human", Http.json("organization",
                Http.json("orgId", "org_ffffffffffffffffffffffffffffffff"), "profile", profile,
                "email", Http.json("email", uniqueEmail())), "application/json"), 404, "ORGANIZATION-NOT-FOUND");
        failsConforming(engine, call(engine, ADMIN, "POST", "/v2/users/human", Http.json("profile", profile,
                "email", Http.json("email", uniqueEmail()), "totpSecret", "JBSWY3DPEHPK3PXP"), "application/json"),
                501, "ROSTER-UNSUPPORTED");
        failsConforming(engine, call(engine, ADMIN, "POST", "/v2/users/human", Http.json("profile", profile,
                "email", Http.json("email", uniqueEmail()), "password", Http.json("password", "short")),
                "application/json"), 400, "DOMAIN-HuJf6");
        failsConforming(engine, call(engine, ADMIN, "PUT", "/v2/users/human/" + id, Http.json("email",
                Http.json("email", uniqueEmail(), "returnCode", Http.object())), "application/json"),
                501, "ROSTER-UNSUPPORTED");
        failsConforming(engine, call(engine, ADMIN, "PUT", "/v2/users/human/" + id, Http.json("username",
                newV2UserName(engine)), "application/json"), 409, "V3-DKcYh");
        failsConforming(engine, call(engine, ADMIN, "POST", "/v2/users/" + id + "/password", Http.json(
                "newPassword", Http.json("password", "another password"), "currentPassword", "not the password"),
                "application/json"), 400, "COMMAND-3M0fs");
        failsConforming(engine, call(engine, ADMIN, "GET", unknown, null, null), 404, "QUERY-Dfbg2");
        failsConforming(engine, call(engine, ADMIN, "PUT", "/v2/users/human/usr_00000000000000000000000000000000",
                Http.json("profile", profile), "application/json"), 404, "COMMAND-ugjs0upun6");
        Map<String, String> notFound = Map.of("deactivate", "COMMAND-5gp2p62iin", "reactivate", "COMMAND-9hy5kzbuk6",
                "lock", "COMMAND-450yxuqrh1", "unlock", "COMMAND-x377t913pw");
        notFound.forEach((action, errorId) -> failsConforming(engine, call(engine, ADMIN, "POST",
                unknown + "/" + action, Http.object(), "application/json"), 404, errorId));
        failsConforming(engine, call(engine, ADMIN, "POST", unknown + "/password", Http.json("newPassword",
                Http.json("password", PASSWORD)), "application/json"), 404, "COMMAND-G8dh3");

        // Requests the document forbids.
        rejected(call(engine, ADMIN, "POST", "/v2/users/human", Http.json("email", Http.json("email", uniqueEmail())),
                "application/json"), 400, "ROSTER-INVALID-ARGUMENT", "body.schema.required");
        rejected(call(engine, ADMIN, "POST", "/v2/users/human", Http.json("profile", profile, "email",
                Http.json("email", uniqueEmail()), "idpLinks", List.of(Http.json("idpId", "x"))), "application/json"),
                501, "ROSTER-UNSUPPORTED", "body.schema.maxItems");
        rejected(call(engine, ADMIN, "POST", "/v2/users", Http.json("query", Http.json("limit", 1001)),
                "application/json"), 400, "QUERY-4M0fs", "body.schema.maximum");
        rejected(call(engine, ADMIN, "POST", "/v2/users", Http.json("queries", List.of(Http.object())),
                "application/json"), 400, "GRPC-vR9nC", "body.schema.minProperties");
        rejected(call(engine, ADMIN, "GET", "/v2/users/" + "u".repeat(201), null, null),
                400, "ROSTER-INVALID-ARGUMENT", "parameter.schema.maxLength");
        rejected(call(engine, ADMIN, "POST", "/v2/users/human", "{\"profile\":", "application/json"),
                400, "ROSTER-REQUEST-REJECTED", "body.schema.invalidJson");
        refusedWithoutKey(engine, "GET", "/v2/users/" + id, null);
        failsConforming(engine, call(engine, "sk_live_00000000000000000000000000000000", "POST", "/v2/users",
                Http.object(), "application/json"), 401, "AUTH-7fs1e");
    }

    @ParameterizedTest
    @EnumSource(Engine.class)
    void v2Sessions(Engine engine) {
        String email = uniqueEmail();
        String userId = newV2User(engine, email, PASSWORD);
        Exchange created = conforms(engine, call(engine, ADMIN, "POST", "/v2/sessions", Http.json(
                "checks", Http.json("user", Http.json("loginName", email.toUpperCase(java.util.Locale.ROOT)),
                        "password", Http.json("password", PASSWORD)),
                "metadata", Map.of("device", "a2lvc2s="),
                "userAgent", Http.json("fingerprintId", "fp-1", "ip", "192.0.2.1", "description", "kiosk",
                        "header", Map.of("user-agent", Http.json("values", List.of("curl/8")))),
                "lifetime", "3600s"), "application/json", "Roster-Reason", "login"), 201);
        String sessionId = created.reply().json().get("sessionId").asText();
        String token = URLEncoder.encode(created.reply().json().get("sessionToken").asText(), StandardCharsets.UTF_8);
        String session = "/v2/sessions/" + sessionId;
        // A session without checks is allowed, as on ZITADEL.
        conforms(engine, call(engine, ADMIN, "POST", "/v2/sessions", Http.object(), "application/json"), 201);

        Exchange got = conforms(engine, call(engine, ADMIN, "GET", session + "?sessionToken=" + token, null, null), 200);
        assertThat(got.reply().json().at("/session/factors/password/verifiedAt").isTextual()).isTrue();
        conforms(engine, call(engine, ADMIN, "GET", session + "?session_token=" + token, null, null), 200);
        conforms(engine, call(engine, ADMIN, "GET", session, null, null), 200);
        failsConforming(engine, call(engine, ADMIN, "GET", session + "?sessionToken=nope", null, null),
                403, "QUERY-dsfr3");
        Exchange listed = conforms(engine, call(engine, ADMIN, "POST", "/v2/sessions/search", Http.json(
                "query", Http.json("limit", 10, "asc", true), "sortingColumn", "SESSION_FIELD_NAME_CREATION_DATE",
                "queries", List.of(Http.json("userIdQuery", Http.json("id", userId)),
                        Http.json("idsQuery", Http.json("ids", List.of(sessionId))),
                        Http.json("creationDateQuery", Http.json("creationDate", "2000-01-01T00:00:00Z",
                                "method", "TIMESTAMP_QUERY_METHOD_GREATER")))), "application/json"), 200);
        assertThat(listed.reply().json().get("sessions")).hasSize(1);
        conforms(engine, call(engine, ADMIN, "POST", "/v2/sessions/search", Http.object(), "application/json"), 200);

        failsConforming(engine, call(engine, ADMIN, "DELETE", session, Http.json("sessionToken", "nope"),
                "application/json"), 403, "COMMAND-sGr42");
        conforms(engine, call(engine, ADMIN, "DELETE", session, Http.json("sessionToken",
                created.reply().json().get("sessionToken").asText()), "application/json"), 200);
        // Idempotent, as on ZITADEL.
        conforms(engine, call(engine, ADMIN, "DELETE", session, Http.object(), "application/json"), 200);
        failsConforming(engine, call(engine, ADMIN, "GET", session, null, null), 404, "QUERY-SFeaa");
    }

    @ParameterizedTest
    @EnumSource(Engine.class)
    void v2SessionFailures(Engine engine) {
        String userId = newV2User(engine, PASSWORD);
        Exchange wrong = call(engine, ADMIN, "POST", "/v2/sessions", Http.json("checks", Http.json(
                "user", Http.json("userId", userId), "password", Http.json("password", "not it"))), "application/json");
        failsConforming(engine, wrong, 400, "COMMAND-3M0fs");
        assertThat(wrong.reply().json().at("/details/0/failedAttempts").asInt()).isEqualTo(1);
        failsConforming(engine, call(engine, ADMIN, "POST", "/v2/sessions", Http.json("checks", Http.json(
                "user", Http.json("loginName", "nobody-" + UUID.randomUUID()))), "application/json"), 404, "QUERY-Dfbg2");
        failsConforming(engine, call(engine, ADMIN, "POST", "/v2/sessions", Http.json("checks", Http.json(
                "password", Http.json("password", PASSWORD))), "application/json"), 400, "COMMAND-Sfw3f");
        failsConforming(engine, call(engine, ADMIN, "POST", "/v2/sessions", Http.json("checks", Http.json(
                "user", Http.json("loginName", newV2UserName(engine)), "password", Http.json("password", PASSWORD))),
                "application/json"), 400, "COMMAND-WEf3t");
        conforms(engine, call(engine, ADMIN, "POST", "/v2/users/" + userId + "/deactivate", Http.object(),
                "application/json"), 200);
        failsConforming(engine, call(engine, ADMIN, "POST", "/v2/sessions", Http.json("checks", Http.json(
                "user", Http.json("userId", userId))), "application/json"), 400, "SESSION-Gj4ko");
        failsConforming(engine, call(engine, ADMIN, "POST", "/v2/sessions", Http.json("challenges", Http.object()),
                "application/json"), 501, "ROSTER-UNSUPPORTED");
        failsConforming(engine, call(engine, ADMIN, "POST", "/v2/sessions/search", Http.json("queries", List.of(
                Http.json("creatorQuery", Http.object()))), "application/json"), 501, "ROSTER-UNSUPPORTED");
        failsConforming(engine, call(engine, ADMIN, "GET", "/v2/sessions/ses_00000000000000000000000000000000", null,
                null), 404, "QUERY-SFeaa");

        rejected(call(engine, ADMIN, "POST", "/v2/sessions", Http.json("lifetime", "-5s"), "application/json"),
                400, "ROSTER-INVALID-ARGUMENT", "body.schema.pattern");
        rejected(call(engine, ADMIN, "POST", "/v2/sessions/search", Http.json("queries", List.of(Http.object())),
                "application/json"), 400, "GRPC-Sfefs", "body.schema.minProperties");
        rejected(call(engine, null, "POST", "/v2/sessions", Http.object(), "application/json"), 401,
                "ROSTER-AUTH-MISSING", "security.missing");
    }
}
