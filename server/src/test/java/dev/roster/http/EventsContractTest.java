package dev.roster.http;

import static org.assertj.core.api.Assertions.assertThat;

import dev.roster.http.OpenApiContract.Exchange;
import dev.roster.testing.Engine;
import dev.roster.testing.Http;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The events feed ({@code /v1/events}) against the OpenAPI document. */
class EventsContractTest extends OpenApiContractSupport {
    @AfterAll
    static void everyOperationOfTheSurfaceSucceededOnEveryEngine() {
        everyOperationSucceededOnEveryEngine("events.");
    }

    @ParameterizedTest
    @EnumSource(Engine.class)
    void eventsOfEveryKindConformAndPagesContinue(Engine engine) {
        String customer = conforms(engine, call(engine, ADMIN, "POST", "/v1/express",
                Http.json("expressCustomerName", "Evented"), "application/json", "Roster-Reason", "onboarding"), 200)
                .reply().json().get("expressCustomerId").asText();
        conforms(engine, call(engine, ADMIN, "POST", "/v1/express/" + customer + "/deactivate", null, null), 200);

        Exchange page = conforms(engine, call(engine, ADMIN, "GET", "/v1/events?limit=2", null, null), 200);
        assertThat(page.reply().json().get("hasMore").asBoolean()).isTrue();
        String after = page.reply().json().get("cursor").asText();
        conforms(engine, call(engine, ADMIN, "GET", "/v1/events?limit=100&starting_after=" + after, null, null), 200);
        Exchange mine = conforms(engine, call(engine, ADMIN, "GET",
                "/v1/events?type=express_customer.*&objectId=" + customer, null, null), 200);
        assertThat(mine.reply().json().get("events")).hasSize(2);

        failsConforming(engine, call(engine, ADMIN, "GET", "/v1/events?starting_after=evt_" + "0".repeat(32),
                null, null), 400, "ROSTER-INVALID-ARGUMENT");
        rejected(call(engine, ADMIN, "GET", "/v1/events?type=Express", null, null),
                400, "ROSTER-INVALID-ARGUMENT", "parameter.schema.pattern");
        rejected(call(engine, null, "GET", "/v1/events", null, null), 401, "ROSTER-AUTH-MISSING", "security.missing");
    }
}
