package dev.roster.http.v1;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.roster.testing.Engine;
import dev.roster.testing.Http;
import dev.roster.testing.Reply;
import dev.roster.testing.Servers;
import dev.roster.testing.TestServer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Stream;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * List cursors are signed and bound to the organization and the query they were issued for: every v1 list, over real
 * HTTP on both engines, refuses a tampered, forged, foreign or misapplied cursor with 400 naming the cursor, and
 * still pages with its own.
 */
class CursorSigningTest {
    private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder DECODER = Base64.getUrlDecoder();

    @RegisterExtension
    static final Servers servers = new Servers();

    /** A v1 list: its path, a query of the same list that differs only in a filter or the limit, and its items. */
    record Listing(String name, String path, String otherQuery, String itemsKey, String idKey,
                   Function<Http, String> create) {
        String page(String query, String cursor) {
            return path + "?" + query + (cursor == null ? "" : "&cursor=" + cursor);
        }

        @Override
        public String toString() {
            return name;
        }
    }

    static final List<Listing> LISTINGS = List.of(
            new Listing("express customers", "/v1/express", "limit=2", "expressCustomers", "expressCustomerId",
                    api -> Viewer.customer(api, "Customer")),
            new Listing("studies", "/v1/viewer/studies", "limit=1&severity=normal", "studies", "studyId",
                    api -> Viewer.study(api).get("studyId").asText()),
            new Listing("viewer users", "/v1/viewer/users", "limit=1&level=member", "users", "userId",
                    api -> Viewer.invite(api).get("userId").asText()));

    static Stream<Arguments> everyListOnEveryEngine() {
        return Stream.of(Engine.values()).flatMap(e -> LISTINGS.stream().map(l -> Arguments.of(e, l)));
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("everyListOnEveryEngine")
    void aGenuineCursorPagesThroughEveryItemOnce(Engine engine, Listing list) {
        Http api = servers.newTenant(engine);
        List<String> created = createThree(api, list);

        List<String> seen = new ArrayList<>();
        JsonNode page = api.get(list.page("limit=1", null)).json();
        while (page.get("hasMore").asBoolean()) {
            seen.addAll(Viewer.ids(page, list.itemsKey(), list.idKey()));
            Reply next = api.get(list.page("limit=1", page.get("cursor").asText()));
            assertThat(next.status()).as(next.body()).isEqualTo(200);
            page = next.json();
        }
        seen.addAll(Viewer.ids(page, list.itemsKey(), list.idKey()));

        assertThat(seen).containsExactlyElementsOf(created.reversed());
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("everyListOnEveryEngine")
    void aTamperedCursorIsRefused(Engine engine, Listing list) {
        Http api = servers.newTenant(engine);
        String cursor = firstCursor(api, list);
        byte[] genuine = DECODER.decode(cursor);

        byte[] otherPosition = genuine.clone();
        // The claims start "c2|<created-at millis>|": change a digit of the time, as a client skipping rows would.
        otherPosition[4] = (byte) (otherPosition[4] == '1' ? '2' : '1');
        byte[] otherSignature = genuine.clone();
        otherSignature[otherSignature.length - 1] ^= 1;
        byte[] truncated = Arrays.copyOf(genuine, genuine.length - 1);

        for (byte[] forged : List.of(otherPosition, otherSignature, truncated)) {
            assertRefused(api.get(list.page("limit=1", ENCODER.encodeToString(forged))));
        }
        assertThat(api.get(list.page("limit=1", cursor)).status()).isEqualTo(200);
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("everyListOnEveryEngine")
    void aCursorForgedFromAGenuineOnesClaimsIsRefused(Engine engine, Listing list) throws Exception {
        Http api = servers.newTenant(engine);
        byte[] genuine = DECODER.decode(firstCursor(api, list));
        byte[] claims = Arrays.copyOf(genuine, genuine.length - 32);

        // What cursors were before they were signed: the same claims, readable and writable by anyone.
        byte[] unsigned = claims.clone();
        unsigned[1] = '1';
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(new byte[32], "HmacSHA256"));
        byte[] otherKey = Arrays.copyOf(claims, genuine.length);
        System.arraycopy(mac.doFinal(claims), 0, otherKey, claims.length, 32);

        for (byte[] forged : List.of(unsigned, claims, otherKey)) {
            assertRefused(api.get(list.page("limit=1", ENCODER.encodeToString(forged))));
        }
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("everyListOnEveryEngine")
    void anotherOrganizationsCursorIsRefused(Engine engine, Listing list) {
        Http first = servers.newTenant(engine);
        Http second = servers.newTenant(engine);
        String firstCursor = firstCursor(first, list);
        createThree(second, list);

        assertRefused(second.get(list.page("limit=1", firstCursor)));
        assertThat(first.get(list.page("limit=1", firstCursor)).status()).isEqualTo(200);
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("everyListOnEveryEngine")
    void aCursorIssuedForAnotherQueryIsRefused(Engine engine, Listing list) {
        Http api = servers.newTenant(engine);
        String cursor = firstCursor(api, list);

        Reply otherQuery = api.get(list.page(list.otherQuery(), cursor));
        assertRefused(otherQuery);
        assertThat(otherQuery.json().get("message").asText()).contains("other filters or another limit");
        for (Listing other : LISTINGS) {
            if (other != list) {
                assertRefused(api.get(other.page("limit=1", cursor)));
            }
        }
    }

    @ParameterizedTest
    @EnumSource(Engine.class)
    void aCursorOutlivesARestartBecauseItsKeyIsKeptInTheDatabase(Engine engine) {
        try (TestServer server = TestServer.start(engine)) {
            String key = server.newOrganizationKey();
            Listing list = LISTINGS.getFirst();
            List<String> created = createThree(server.http().as(key), list);
            String cursor = server.http().as(key).get(list.page("limit=1", null)).json().get("cursor").asText();

            server.restart();

            Reply next = server.http().as(key).get(list.page("limit=1", cursor));
            assertThat(next.status()).as(next.body()).isEqualTo(200);
            assertThat(Viewer.ids(next.json(), list.itemsKey(), list.idKey())).containsExactly(created.get(1));
        }
    }

    /** The cursor of the first page of one item, in a list of three. */
    private static String firstCursor(Http api, Listing list) {
        createThree(api, list);
        return api.get(list.page("limit=1", null)).json().get("cursor").asText();
    }

    private static List<String> createThree(Http api, Listing list) {
        List<String> created = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            created.add(list.create().apply(api));
        }
        return created;
    }

    private static void assertRefused(Reply r) {
        assertThat(r.status()).as(r.body()).isEqualTo(400);
        assertThat(r.errorId()).isEqualTo("ROSTER-INVALID-CURSOR");
        assertThat(r.json().get("message").asText()).startsWith("invalid cursor:");
    }
}
