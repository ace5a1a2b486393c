package dev.roster.http.v1;

import static dev.roster.testing.Http.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.roster.testing.Engine;
import dev.roster.testing.Http;
import dev.roster.testing.Reply;
import dev.roster.testing.Servers;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** {@code GET /v1/events} over real HTTP: the event shape, paging after an event, filters, bad input and tenants. */
class EventsApiTest {
    @RegisterExtension
    static final Servers servers = new Servers();

    private static final String EVENT_ID = "^evt_[0-9a-f]{32}$";

    @ParameterizedTest
    @EnumSource(Engine.class)
    void aDeactivationIsAnEventWithItsActorReasonObjectAndTheCustomerAsItsAnswerShowedIt(Engine engine) {
        Http api = servers.newTenant(engine);
        String id = api.post("/v1/express", json("expressCustomerName", "Northside")).json()
                .get("expressCustomerId").asText();
        JsonNode deactivated = api.with("Roster-Reason", "contract ended").post("/v1/express/" + id + "/deactivate")
                .json();

        Reply r = api.get("/v1/events?objectId=" + id);

        assertThat(r.status()).isEqualTo(200);
        assertThat(r.json().get("hasMore").asBoolean()).isFalse();
        assertThat(r.json().has("cursor")).isFalse();
        List<JsonNode> events = list(r.json().get("events"));
        assertThat(events).extracting(e -> e.get("type").asText())
                .containsExactly("express_customer.created", "express_customer.deactivated");
        JsonNode event = events.get(1);
        assertThat(event.get("id").asText()).matches(EVENT_ID);
        assertThat(event.get("createdAt").asText()).isEqualTo(deactivated.get("updatedAt").asText());
        assertThat(event.get("actor").get("type").asText()).isEqualTo("api_key");
        assertThat(event.get("actor").get("id").asText()).isEqualTo(deactivated.get("createdByApiKeyId").asText());
        assertThat(event.get("reason").asText()).isEqualTo("contract ended");
        assertThat(event.get("object")).isEqualTo(json("type", "express_customer", "id", id, "version", 2));
        assertThat(event.get("data")).isEqualTo(deactivated);
        assertThat(events.get(0).has("reason")).as("no reason given, none shown").isFalse();
    }

    @ParameterizedTest
    @EnumSource(Engine.class)
    void pagesContinueAfterTheNamedEventOldestFirstUntilNoneIsLeft(Engine engine) {
        Http api = servers.newTenant(engine);
        List<String> written = new ArrayList<>();
        for (int i = 0; i < 7; i++) {
            written.add(api.post("/v1/express", json("expressCustomerName", "c" + i)).json()
                    .get("expressCustomerId").asText());
        }

        List<String> read = new ArrayList<>();
        String after = null;
        int pages = 0;
        while (true) {
            JsonNode page = api.get("/v1/events?type=express_customer.*&limit=3" + (after == null ? "" : "&starting_after=" + after)).json();
            pages++;
            List<JsonNode> events = list(page.get("events"));
            events.forEach(e -> read.add(e.get("object").get("id").asText()));
            if (!page.get("hasMore").asBoolean()) {
                break;
            }
            after = page.get("cursor").asText();
            assertThat(after).isEqualTo(events.getLast().get("id").asText());
        }
        assertThat(read).isEqualTo(written);
        assertThat(pages).isEqualTo(3);

        JsonNode viaCursor = api.get("/v1/events?type=express_customer.*&limit=100&cursor=" + after).json();
        assertThat(list(viaCursor.get("events"))).hasSize(1);
        String last = list(viaCursor.get("events")).getFirst().get("id").asText();
        assertThat(list(api.get("/v1/events?starting_after=" + last).json().get("events")))
                .as("a client at the end of the log reads an empty page until something happens").isEmpty();
    }

    @ParameterizedTest
    @EnumSource(Engine.class)
    void filtersByExactTypeAndByFamily(Engine engine) {
        Http api = servers.newTenant(engine);
        String id = api.post("/v1/express", json("expressCustomerName", "Filters")).json()
                .get("expressCustomerId").asText();
        api.post("/v1/express/" + id + "/deactivate");
        api.post("/v1/express/" + id + "/reactivate");

        assertThat(types(api.get("/v1/events?type=express_customer.deactivated")))
                .containsExactly("express_customer.deactivated");
        assertThat(types(api.get("/v1/events?type=express_customer.*"))).containsExactly(
                "express_customer.created", "express_customer.deactivated", "express_customer.reactivated");
        assertThat(types(api.get("/v1/events?type=user.*"))).isEmpty();
    }

    @ParameterizedTest
    @EnumSource(Engine.class)
    void badParametersAre400NamingTheField(Engine engine) {
        Http api = servers.newTenant(engine);
        assertBadField(api.get("/v1/events?limit=0"), "limit");
        assertBadField(api.get("/v1/events?limit=101"), "limit");
        assertBadField(api.get("/v1/events?type=User.Locked"), "type");
        assertBadField(api.get("/v1/events?type=express_customer.*.*"), "type");
        assertBadField(api.get("/v1/events?starting_after=cus_0123"), "starting_after");
        assertBadField(api.get("/v1/events?starting_after=evt_" + "0".repeat(32)), "starting_after");
        assertBadField(api.get("/v1/events?objectId=" + "x".repeat(201)), "objectId");
        assertBadField(api.get("/v1/events?type=a&type=b"), "type");
        String any = "evt_" + "1".repeat(32);
        assertBadField(api.get("/v1/events?starting_after=" + any + "&cursor=" + any), "starting_after");
        assertThat(api.as("not-a-key").get("/v1/events").status()).isEqualTo(401);
    }

    @ParameterizedTest
    @EnumSource(Engine.class)
    void anOrganizationSeesOnlyItsOwnEventsAndCannotContinueAfterAnothers(Engine engine) {
        Http first = servers.newTenant(engine);
        Http second = servers.newTenant(engine);
        String id = first.post("/v1/express", json("expressCustomerName", "Private")).json()
                .get("expressCustomerId").asText();
        String eventId = list(first.get("/v1/events?objectId=" + id).json().get("events")).getFirst()
                .get("id").asText();

        assertThat(list(second.get("/v1/events?objectId=" + id).json().get("events"))).isEmpty();
        assertThat(list(second.get("/v1/events").json().get("events")))
                .noneMatch(e -> e.get("object").get("id").asText().equals(id));
        assertBadField(second.get("/v1/events?starting_after=" + eventId), "starting_after");
    }

    @ParameterizedTest
    @EnumSource(Engine.class)
    void aUserEventCarriesTheV2UserAndALinkEventTheCustomerWithTheLinkedUser(Engine engine) {
        Http api = servers.newTenant(engine);
        String user = Viewer.v2User(api, "Ada", "Lovelace", null);
        String customer = Viewer.customer(api, "Linked");
        api.post("/v1/express/" + customer + "/users", json("userId", user));
        api.post("/v2/users/" + user + "/deactivate", json());

        JsonNode deactivated = only(api.get("/v1/events?type=user.deactivated&objectId=" + user));
        assertThat(deactivated.get("data")).isEqualTo(api.get("/v2/users/" + user).json().get("user"));
        assertThat(deactivated.get("data").get("state").asText()).isEqualTo("USER_STATE_INACTIVE");

        JsonNode linked = only(api.get("/v1/events?type=express_customer.user_linked&objectId=" + customer));
        JsonNode expected = api.get("/v1/express/" + customer).json().deepCopy();
        ((com.fasterxml.jackson.databind.node.ObjectNode) expected).put("userId", user);
        assertThat(linked.get("data")).isEqualTo(expected);
    }

    @ParameterizedTest
    @EnumSource(Engine.class)
    void aStudyEventCarriesTheV1Study(Engine engine) {
        Http api = servers.newTenant(engine);
        String study = Viewer.study(api).get("studyId").asText();
        api.post("/v1/viewer/studies/cancel", json("studyId", study));

        JsonNode cancelled = only(api.get("/v1/events?type=study.cancelled&objectId=" + study));
        assertThat(cancelled.get("data")).isEqualTo(api.get("/v1/viewer/studies/" + study).json());
        assertThat(cancelled.get("data").get("isCancelled").asBoolean()).isTrue();
    }

    private static JsonNode only(Reply r) {
        assertThat(r.status()).as(r.toString()).isEqualTo(200);
        List<JsonNode> events = list(r.json().get("events"));
        assertThat(events).hasSize(1);
        return events.getFirst();
    }

    private static void assertBadField(Reply r, String field) {
        assertThat(r.status()).as(r.toString()).isEqualTo(400);
        assertThat(r.json().get("message").asText()).contains(field);
        assertThat(r.header("x-should-retry")).isEqualTo("false");
    }

    private static List<String> types(Reply r) {
        assertThat(r.status()).as(r.toString()).isEqualTo(200);
        return list(r.json().get("events")).stream().map(e -> e.get("type").asText()).toList();
    }

    private static List<JsonNode> list(JsonNode array) {
        List<JsonNode> out = new ArrayList<>();
        array.forEach(out::add);
        return out;
    }
}
