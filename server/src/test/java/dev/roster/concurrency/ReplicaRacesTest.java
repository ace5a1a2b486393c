package dev.roster.concurrency;

import static org.assertj.core.api.Assertions.assertThat;

import dev.roster.testing.Engine;
import dev.roster.testing.Http;
import dev.roster.testing.Race;
import dev.roster.testing.Replicas;
import dev.roster.testing.Reply;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.Supplier;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Rules that read one row's state and write elsewhere, raced across two replicas on one PostgreSQL (READ COMMITTED)
 * and on SQLite's one server: many rounds, and zero violations, by the API's answers and by the event log.
 */
class ReplicaRacesTest {
    private static final int ROUNDS = 30;
    private static final int CONTENDERS = 6;

    @ParameterizedTest
    @EnumSource(Engine.class)
    void noSessionOutlivesItsUsersDeactivation(Engine engine) {
        try (Replicas replicas = Replicas.start(engine, 2)) {
            List<String> violations = new ArrayList<>();
            int deactivatedWhileLoggingIn = 0;
            for (int round = 0; round < ROUNDS; round++) {
                String userId = addUser(replicas.admin(round));
                List<Supplier<Reply>> requests = new ArrayList<>();
                for (int i = 0; i < CONTENDERS; i++) {
                    Http http = replicas.admin(i);
                    requests.add(() -> http.post("/v2/sessions",
                            Http.json("checks", Http.json("user", Http.json("userId", userId)))));
                }
                Http deactivating = replicas.admin(round + 1);
                requests.add(CONTENDERS / 2, () -> deactivating.post("/v2/users/" + userId + "/deactivate"));
                List<Reply> answers = Race.run(requests);

                Reply deactivate = answers.get(CONTENDERS / 2);
                assertThat(deactivate.status()).as(deactivate.toString()).isEqualTo(200);
                for (int i = 0; i < answers.size(); i++) {
                    Reply login = answers.get(i);
                    if (i == CONTENDERS / 2) {
                        continue;
                    }
                    assertThat(login.status()).as(login.toString()).isIn(201, 400);
                    if (login.status() == 400) {
                        deactivatedWhileLoggingIn++;
                        continue;
                    }
                    String id = login.json().path("sessionId").asText();
                    String token = login.json().path("sessionToken").asText();
                    for (int r = 0; r < replicas.size(); r++) {
                        Reply read = replicas.admin(r).get("/v2/sessions/" + id + "?sessionToken=" + token);
                        if (read.status() != 404) {
                            violations.add("session " + id + " of deactivated " + userId + " answers " + read.status());
                        }
                    }
                }
                violations.addAll(sessionsCreatedAfterDeactivation(replicas, userId));
            }
            assertThat(violations).isEmpty();
            assertThat(deactivatedWhileLoggingIn).as("logins refused because the user was already inactive")
                    .isPositive();
        }
    }

    @ParameterizedTest
    @EnumSource(Engine.class)
    void noUserIsLinkedToADeactivatedCustomer(Engine engine) {
        try (Replicas replicas = Replicas.start(engine, 2)) {
            List<String> violations = new ArrayList<>();
            int refusedAsInactive = 0;
            for (int round = 0; round < ROUNDS; round++) {
                Http http = replicas.admin(round);
                String customerId = http.post("/v1/express", Http.json("expressCustomerName", "Race " + round))
                        .json().path("expressCustomerId").asText();
                List<String> userIds = new ArrayList<>();
                for (int i = 0; i < CONTENDERS; i++) {
                    userIds.add(addUser(replicas.admin(i)));
                }
                List<Supplier<Reply>> requests = new ArrayList<>();
                for (int i = 0; i < CONTENDERS; i++) {
                    Http linking = replicas.admin(i);
                    String userId = userIds.get(i);
                    requests.add(() -> linking.post("/v1/express/" + customerId + "/users", Http.json("userId", userId)));
                }
                Http deactivating = replicas.admin(round + 1);
                requests.add(CONTENDERS / 2, () -> deactivating.post("/v1/express/" + customerId + "/deactivate"));
                List<Reply> answers = Race.run(requests);

                Reply deactivate = answers.get(CONTENDERS / 2);
                assertThat(deactivate.status()).as(deactivate.toString()).isEqualTo(200);
                long linked = answers.stream().filter(a -> a != deactivate && a.status() == 200).count();
                refusedAsInactive += (int) answers.stream()
                        .filter(a -> "EXPRESS-CUSTOMER-INACTIVE".equals(a.errorId())).count();
                long countWhenDeactivated = deactivate.json().path("userCount").asLong();
                for (int r = 0; r < replicas.size(); r++) {
                    Reply now = replicas.admin(r).get("/v1/express/" + customerId);
                    if (now.json().path("userCount").asLong() != countWhenDeactivated || countWhenDeactivated != linked) {
                        violations.add(customerId + ": " + linked + " links answered 200, deactivate said "
                                + countWhenDeactivated + ", replica " + r + " says " + now.json().path("userCount"));
                    }
                }
                violations.addAll(linksAfterDeactivation(replicas, customerId));
            }
            assertThat(violations).isEmpty();
            assertThat(refusedAsInactive).as("links refused because the customer was already inactive").isPositive();
        }
    }

    /** Session creations of {@code userId} that the event log orders after the user's deactivation. */
    private static List<String> sessionsCreatedAfterDeactivation(Replicas replicas, String userId) {
        return replicas.get(0).database().read(h -> h.createQuery("""
                        SELECT s.aggregate_id FROM events s, events d
                        WHERE d.aggregate_type = 'user' AND d.aggregate_id = :user AND d.type = 'user.deactivated'
                          AND s.aggregate_type = 'session' AND s.type = 'session.created'
                          AND s.payload LIKE :mentionsUser AND s.position > d.position""")
                .bind("user", userId)
                .bind("mentionsUser", "%\"" + userId + "\"%")
                .mapTo(String.class)
                .map(id -> "session " + id + " created after " + userId + " was deactivated")
                .list());
    }

    /** Links of {@code customerId} that the event log orders after its deactivation. */
    private static List<String> linksAfterDeactivation(Replicas replicas, String customerId) {
        return replicas.get(0).database().read(h -> h.createQuery("""
                        SELECT l.aggregate_version FROM events l, events d
                        WHERE d.aggregate_type = 'express_customer' AND d.aggregate_id = :customer
                          AND d.type = 'express_customer.deactivated'
                          AND l.aggregate_type = 'express_customer' AND l.aggregate_id = :customer
                          AND l.type = 'express_customer.user_linked' AND l.position > d.position""")
                .bind("customer", customerId)
                .mapTo(String.class)
                .map(version -> customerId + " linked a user at version " + version + " after its deactivation")
                .list());
    }

    private static String addUser(Http http) {
        Reply r = http.post("/v2/users/human", Http.json(
                "profile", Http.json("givenName", "Race", "familyName", "Contender"),
                "email", Http.json("email", "race-" + UUID.randomUUID() + "@example.com")));
        assertThat(r.status()).as(r.toString()).isEqualTo(200);
        return r.json().path("userId").asText();
    }
}
