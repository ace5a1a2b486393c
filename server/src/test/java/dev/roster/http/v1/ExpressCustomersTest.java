package dev.roster.http.v1;

import static dev.roster.testing.Http.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.roster.testing.Engine;
import dev.roster.testing.Http;
import dev.roster.testing.Reply;
import dev.roster.testing.Servers;
import dev.roster.testing.TestServer;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The six Express customer endpoints over real HTTP, exactly as avara-v1.md §2 and §6.0 describe them. */
class ExpressCustomersTest {
    @RegisterExtension
    static final Servers servers = new Servers();

    static final String TIMESTAMP = "^\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{3}Z$";
    static final String UUID_V4 = "^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$";

    @ParameterizedTest
    @EnumSource(Engine.class)
    void createAnswersTheFullCustomerWithRequiredKeysAndNoEmptyOptionals(Engine engine) {
        Http api = servers.admin(engine);
        Reply r = api.post("/v1/express", json("expressCustomerName", "  City Medical Center  "));

        assertThat(r.status()).isEqualTo(200);
        assertThat(r.header("content-type")).startsWith("application/json");
        JsonNode c = r.json();
        assertThat(c.get("expressCustomerId").asText()).matches("^cus_[0-9a-f]{32}$");
        assertThat(c.get("expressCustomerName").asText()).isEqualTo("City Medical Center");
        assertThat(c.get("isActive").asBoolean()).isTrue();
        assertThat(c.get("userCount").isIntegralNumber()).isTrue();
        assertThat(c.get("userCount").asLong()).isZero();
        assertThat(c.get("createdAt").asText()).matches(TIMESTAMP);
        assertThat(c.get("updatedAt").asText()).isEqualTo(c.get("createdAt").asText());
        assertThat(c.get("createdByApiKeyId").asText()).matches(UUID_V4);
        assertThat(fieldNames(c)).doesNotContain("createdByUserId", "metadata");
    }

    @ParameterizedTest
    @EnumSource(Engine.class)
    void createKeepsMetadataAndRetrieveReturnsTheSameObject(Engine engine) {
        Http api = servers.admin(engine);
        JsonNode created = api.post("/v1/express",
                json("expressCustomerName", "Radiology", "metadata", Map.of("region", "northeast", "tier", "gold"))).json();
        String id = created.get("expressCustomerId").asText();

        Reply r = api.get("/v1/express/" + id);

        assertThat(r.status()).isEqualTo(200);
        assertThat(r.json()).isEqualTo(created);
        assertThat(r.json().get("metadata")).isEqualTo(json("region", "northeast", "tier", "gold"));
    }

    @ParameterizedTest
    @EnumSource(Engine.class)
    void updateChangesOnlyTheFieldsSentAndMetadataReplaces(Engine engine) {
        Http api = servers.admin(engine);
        String id = create(api, "Before", Map.of("a", "1", "b", "2"));

        JsonNode renamed = api.patch("/v1/express/" + id, json("expressCustomerName", "After")).json();
        assertThat(renamed.get("expressCustomerName").asText()).isEqualTo("After");
        assertThat(renamed.get("metadata")).isEqualTo(json("a", "1", "b", "2"));

        JsonNode replaced = api.patch("/v1/express/" + id, json("metadata", Map.of("c", "3"))).json();
        assertThat(replaced.get("metadata")).isEqualTo(json("c", "3"));
        assertThat(replaced.get("expressCustomerName").asText()).isEqualTo("After");

        JsonNode cleared = api.patch("/v1/express/" + id, json("metadata", null)).json();
        assertThat(fieldNames(cleared)).doesNotContain("metadata");

        api.patch("/v1/express/" + id, json("metadata", Map.of("d", "4")));
        JsonNode clearedByEmpty = api.patch("/v1/express/" + id, json("metadata", Map.of())).json();
        assertThat(fieldNames(clearedByEmpty)).doesNotContain("metadata");
        assertThat(api.get("/v1/express/" + id).json()).isEqualTo(clearedByEmpty);
    }

    @ParameterizedTest
    @EnumSource(Engine.class)
    void emptyPatchIsANoOpThatWritesNoEvent(Engine engine) {
        Http api = servers.admin(engine);
        String id = create(api, "Same", Map.of());
        long before = eventCount(servers.on(engine), id);

        Reply r = api.patch("/v1/express/" + id, json());

        assertThat(r.status()).isEqualTo(200);
        assertThat(r.json().get("updatedAt")).isEqualTo(r.json().get("createdAt"));
        assertThat(eventCount(servers.on(engine), id)).isEqualTo(before);
    }

    @ParameterizedTest
    @EnumSource(Engine.class)
    void deactivateAndReactivateAreIdempotentAndAudited(Engine engine) {
        TestServer server = servers.on(engine);
        Http api = servers.admin(engine);
        String id = create(api, "Lifecycle", Map.of());

        JsonNode off = api.post("/v1/express/" + id + "/deactivate").json();
        assertThat(off.get("isActive").asBoolean()).isFalse();
        Reply again = api.post("/v1/express/" + id + "/deactivate");
        assertThat(again.status()).isEqualTo(200);
        assertThat(again.json()).isEqualTo(off);

        JsonNode on = api.post("/v1/express/" + id + "/reactivate").json();
        assertThat(on.get("isActive").asBoolean()).isTrue();
        assertThat(api.post("/v1/express/" + id + "/reactivate").json()).isEqualTo(on);

        assertThat(events(server, id)).containsExactly(
                "1 express_customer.created", "2 express_customer.deactivated", "3 express_customer.reactivated");
    }

    /** Each read follows a change to a customer that was just read (and so may be kept in memory). */
    @ParameterizedTest
    @EnumSource(Engine.class)
    void aReadAfterEachChangeShowsIt(Engine engine) {
        Http api = servers.admin(engine);
        String id = create(api, "Before", Map.of());
        String path = "/v1/express/" + id;
        for (int round = 0; round < 3; round++) {
            assertThat(api.get(path).json().get("isActive").asBoolean()).isTrue();
            api.post(path + "/deactivate");
            assertThat(api.get(path).json().get("isActive").asBoolean()).isFalse();
            api.post(path + "/reactivate");
            assertThat(api.get(path).json().get("isActive").asBoolean()).isTrue();
            api.patch(path, Map.of("expressCustomerName", "Round " + round));
            assertThat(api.get(path).json().get("expressCustomerName").asText()).isEqualTo("Round " + round);
        }
    }

    @ParameterizedTest
    @EnumSource(Engine.class)
    void eventsNameTheApiKeyAndTheReasonHeader(Engine engine) {
        TestServer server = servers.on(engine);
        Http api = servers.admin(engine);
        String id = create(api, "Audited", Map.of());
        String keyId = api.get("/v1/express/" + id).json().get("createdByApiKeyId").asText();

        api.with("Roster-Reason", "contract ended").post("/v1/express/" + id + "/deactivate");

        List<Map<String, Object>> rows = server.database().read(h -> h.createQuery("""
                        SELECT actor_type, actor_id, reason FROM events
                        WHERE aggregate_id = :id AND type = 'express_customer.deactivated'""")
                .bind("id", id).mapToMap().list());
        assertThat(rows).singleElement().satisfies(row -> {
            assertThat(row.get("actor_type")).isEqualTo("api_key");
            assertThat(row.get("actor_id")).isEqualTo(keyId);
            assertThat(row.get("reason")).isEqualTo("contract ended");
        });
    }

    @ParameterizedTest
    @EnumSource(Engine.class)
    void bodilessPostsAcceptEveryVariantTheSdksSend(Engine engine) {
        Http api = servers.admin(engine);
        String id = create(api, "Bodiless", Map.of());
        String path = "/v1/express/" + id + "/deactivate";

        // TypeScript and Java: no body, no Content-Type.
        assertThat(api.post(path).status()).isEqualTo(200);
        // Python: empty body with Content-Type: application/json.
        assertThat(api.send("POST", path, "", "application/json").status()).isEqualTo(200);
        // Extra body properties from a Java caller: a JSON object, ignored.
        assertThat(api.send("POST", path, "{\"extra\":1}", "application/json").status()).isEqualTo(200);
        // Not even JSON: the body is not read at all.
        assertThat(api.send("POST", path, "not json", "text/plain").status()).isEqualTo(200);
        assertThat(api.send("POST", "/v1/express/" + id + "/reactivate", "", "application/json").json()
                .get("isActive").asBoolean()).isTrue();
    }

    @ParameterizedTest
    @EnumSource(Engine.class)
    void aDeactivatedCustomerStaysEditable(Engine engine) {
        Http api = servers.admin(engine);
        String id = create(api, "Frozen?", Map.of());
        api.post("/v1/express/" + id + "/deactivate");

        Reply r = api.patch("/v1/express/" + id, json("expressCustomerName", "Still editable"));

        assertThat(r.status()).isEqualTo(200);
        assertThat(r.json().get("expressCustomerName").asText()).isEqualTo("Still editable");
        assertThat(r.json().get("isActive").asBoolean()).isFalse();
    }

    @ParameterizedTest
    @EnumSource(Engine.class)
    void listPagesNewestFirstEachItemOnceWithNoCursorOnTheLastPage(Engine engine) {
        Http api = servers.newTenant(engine);
        List<JsonNode> created = new ArrayList<>();
        for (int i = 0; i < 7; i++) {
            created.add(api.get("/v1/express/" + create(api, "Page " + i, Map.of())).json());
        }
        List<String> newestFirst = newestFirst(created);

        List<String> seen = new ArrayList<>();
        String cursor = null;
        int pages = 0;
        do {
            Reply r = api.get("/v1/express?limit=3.0" + (cursor == null ? "" : "&cursor=" + cursor));
            assertThat(r.status()).isEqualTo(200);
            JsonNode page = r.json();
            page.get("expressCustomers").forEach(c -> seen.add(c.get("expressCustomerId").asText()));
            boolean hasMore = page.get("hasMore").asBoolean();
            assertThat(page.has("cursor")).isEqualTo(hasMore);
            if (hasMore) {
                assertThat(page.get("expressCustomers").size()).isEqualTo(3);
                assertThat(page.get("cursor").asText()).matches("^[A-Za-z0-9_-]+$");
            }
            cursor = hasMore ? page.get("cursor").asText() : null;
            pages++;
        } while (cursor != null);

        assertThat(pages).isEqualTo(3);
        assertThat(seen).isEqualTo(newestFirst);
    }

    @ParameterizedTest
    @EnumSource(Engine.class)
    void itemsCreatedWhilePagingDoNotShiftThePages(Engine engine) {
        Http api = servers.newTenant(engine);
        List<JsonNode> old = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            old.add(api.get("/v1/express/" + create(api, "Old " + i, Map.of())).json());
        }
        JsonNode first = api.get("/v1/express?limit=2").json();
        create(api, "Newer", Map.of());
        JsonNode second = api.get("/v1/express?limit=2&cursor=" + first.get("cursor").asText()).json();

        List<String> seen = new ArrayList<>();
        first.get("expressCustomers").forEach(c -> seen.add(c.get("expressCustomerId").asText()));
        second.get("expressCustomers").forEach(c -> seen.add(c.get("expressCustomerId").asText()));
        assertThat(seen).isEqualTo(newestFirst(old));
    }

    @ParameterizedTest
    @EnumSource(Engine.class)
    void defaultLimitIsTwentyAndAnEmptyListHasNoCursor(Engine engine) {
        Http api = servers.newTenant(engine);
        JsonNode empty = api.get("/v1/express").json();
        assertThat(empty.get("expressCustomers").size()).isZero();
        assertThat(empty.get("hasMore").asBoolean()).isFalse();
        assertThat(empty.has("cursor")).isFalse();

        for (int i = 0; i < 21; i++) {
            create(api, "Many " + i, Map.of());
        }
        JsonNode page = api.get("/v1/express").json();
        assertThat(page.get("expressCustomers").size()).isEqualTo(20);
        assertThat(page.get("hasMore").asBoolean()).isTrue();
    }

    @ParameterizedTest
    @EnumSource(Engine.class)
    void aCursorReusedWithAnotherLimitIsRefused(Engine engine) {
        Http api = servers.newTenant(engine);
        for (int i = 0; i < 3; i++) {
            create(api, "C" + i, Map.of());
        }
        String cursor = api.get("/v1/express?limit=1").json().get("cursor").asText();

        Reply r = api.get("/v1/express?limit=2&cursor=" + cursor);

        assertThat(r.status()).isEqualTo(400);
        assertThat(r.errorId()).isEqualTo("ROSTER-INVALID-CURSOR");
    }

    /** The order Roster promises: (createdAt, id) descending; equal timestamps are ordered by id. */
    static List<String> newestFirst(List<JsonNode> customers) {
        return customers.stream()
                .sorted(Comparator.comparing((JsonNode c) -> c.get("createdAt").asText())
                        .thenComparing(c -> c.get("expressCustomerId").asText())
                        .reversed())
                .map(c -> c.get("expressCustomerId").asText())
                .toList();
    }

    static String create(Http api, String name, Map<String, String> metadata) {
        Reply r = metadata.isEmpty()
                ? api.post("/v1/express", json("expressCustomerName", name))
                : api.post("/v1/express", json("expressCustomerName", name, "metadata", metadata));
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        return r.json().get("expressCustomerId").asText();
    }

    static List<String> events(TestServer server, String aggregateId) {
        return server.database().read(h -> h.createQuery("""
                        SELECT aggregate_version, type FROM events WHERE aggregate_id = :id ORDER BY position""")
                .bind("id", aggregateId)
                .map((rs, ctx) -> rs.getLong(1) + " " + rs.getString(2))
                .list());
    }

    static long eventCount(TestServer server, String aggregateId) {
        return events(server, aggregateId).size();
    }

    static List<String> fieldNames(JsonNode node) {
        List<String> names = new ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }
}
