package dev.roster.http.v1;

import static org.assertj.core.api.Assertions.assertThat;

import dev.roster.testing.Engine;
import dev.roster.testing.Http;
import dev.roster.testing.Reply;
import dev.roster.testing.Servers;
import dev.roster.testing.TestServer;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** {@code POST} and {@code DELETE /v1/express/{id}/users} (avara-v1.md §2.3.6, §6.0 items 10 and 34). */
class ExpressUsersTest {
    @RegisterExtension
    static final Servers servers = new Servers();

    private static Http admin(Engine engine) {
        return servers.admin(engine);
    }

    private static String customer(Http http) {
        Reply r = http.post("/v1/express", Http.json("expressCustomerName", "Radiology"));
        assertThat(r.status()).as(r.toString()).isEqualTo(200);
        return r.json().path("expressCustomerId").asText();
    }

    private static String user(Http http) {
        Reply r = http.post("/v2/users/human", Http.json(
                "profile", Http.json("givenName", "Ada", "familyName", "Lovelace"),
                "email", Http.json("email", "u" + UUID.randomUUID().toString().substring(0, 12) + "@example.com")));
        assertThat(r.status()).as(r.toString()).isEqualTo(200);
        return r.json().path("userId").asText();
    }

    private static long userCount(Http http, String customerId) {
        return http.get("/v1/express/" + customerId).json().path("userCount").asLong();
    }

    private static Reply add(Http http, String customerId, String userId) {
        return http.post("/v1/express/" + customerId + "/users", Http.json("userId", userId));
    }

    private static Reply remove(Http http, String customerId, String userId) {
        return http.delete("/v1/express/" + customerId + "/users", Http.json("userId", userId));
    }

    @ParameterizedTest
    @EnumSource(Engine.class)
    void addAndRemoveAreIdempotentAndCount(Engine engine) {
        Http http = admin(engine);
        String c = customer(http);
        String u = user(http);
        Reply added = add(http, c, u);
        assertThat(added.status()).isEqualTo(200);
        assertThat(added.json().path("success").asBoolean()).isTrue();
        assertThat(added.json().path("message").asText()).isNotEmpty();
        assertThat(add(http, c, u).status()).isEqualTo(200);
        assertThat(userCount(http, c)).isEqualTo(1);
        String other = customer(http);
        assertThat(add(http, other, u).status()).isEqualTo(200); // one user, several customers
        assertThat(userCount(http, other)).isEqualTo(1);

        assertThat(remove(http, c, u).status()).isEqualTo(200);
        assertThat(remove(http, c, u).json().path("success").asBoolean()).isTrue();
        assertThat(userCount(http, c)).isZero();
        assertThat(eventTypes(engine, c)).containsExactly("express_customer.created",
                "express_customer.user_linked", "express_customer.user_unlinked");
    }

    @ParameterizedTest
    @EnumSource(Engine.class)
    void rulesForUsersAndCustomers(Engine engine) {
        Http http = admin(engine);
        String c = customer(http);
        String u = user(http);
        String unknown = "usr_" + "0".repeat(32);
        Reply r = add(http, c, unknown);
        assertThat(r.status()).isEqualTo(404);
        assertThat(r.errorId()).isEqualTo("QUERY-Dfbg2");
        assertThat(remove(http, c, unknown).status()).isEqualTo(404);
        assertThat(add(http, "cus_" + "0".repeat(32), u).errorId()).isEqualTo("EXPRESS-NOT-FOUND");
        assertThat(add(http, c, "usr_bad").status()).isEqualTo(400);
        Reply missing = http.post("/v1/express/" + c + "/users", Http.json());
        assertThat(missing.status()).isEqualTo(400);
        assertThat(missing.json().path("message").asText()).contains("userId");

        http.post("/v2/users/" + u + "/lock");
        Reply locked = add(http, c, u);
        assertThat(locked.status()).isEqualTo(400);
        assertThat(locked.json().path("code").asInt()).isEqualTo(9);
        assertThat(locked.errorId()).isEqualTo("USER-NOT-ACTIVE");
        http.post("/v2/users/" + u + "/unlock");
        http.post("/v2/users/" + u + "/deactivate");
        assertThat(add(http, c, u).errorId()).isEqualTo("USER-NOT-ACTIVE");
        http.post("/v2/users/" + u + "/reactivate");

        assertThat(add(http, c, u).status()).isEqualTo(200);
        http.post("/v1/express/" + c + "/deactivate");
        String second = user(http);
        Reply inactive = add(http, c, second);
        assertThat(inactive.status()).isEqualTo(400);
        assertThat(inactive.errorId()).isEqualTo("EXPRESS-CUSTOMER-INACTIVE");
        assertThat(remove(http, c, u).status()).isEqualTo(200); // removal is allowed on an inactive customer
        assertThat(userCount(http, c)).isZero();
    }

    @ParameterizedTest
    @EnumSource(Engine.class)
    void anInvitedUserWhoNeverLoggedInCanBeLinked(Engine engine) {
        Http http = admin(engine);
        String c = customer(http);
        // Invited over v1: v2 state INITIAL, which §6.0 item 10 does not count among the users who are not active.
        String invited = Viewer.invite(http).get("userId").asText();

        Reply r = add(http, c, invited);

        assertThat(r.status()).as(r.body()).isEqualTo(200);
        assertThat(userCount(http, c)).isEqualTo(1);
    }

    @ParameterizedTest
    @EnumSource(Engine.class)
    void anotherTenantsCustomerAndUserAreNotFound(Engine engine) {
        Http http = admin(engine);
        String c = customer(http);
        String u = user(http);
        Reply org = http.post("/v1/organizations", Http.json("name", "Other"));
        String orgId = org.json().path("organizationId").asText();
        String key = http.post("/v1/organizations/" + orgId + "/api-keys", Http.json("name", "k")).json()
                .path("key").asText();
        Http other = servers.on(engine).http().as(key);
        assertThat(add(other, c, u).errorId()).isEqualTo("EXPRESS-NOT-FOUND");
        String theirs = customer(other);
        assertThat(add(other, theirs, u).errorId()).isEqualTo("QUERY-Dfbg2");
    }

    @ParameterizedTest
    @EnumSource(Engine.class)
    void deletingAUserUnlinksIt(Engine engine) {
        Http http = admin(engine);
        String c = customer(http);
        String u = user(http);
        add(http, c, u);
        assertThat(userCount(http, c)).isEqualTo(1); // read once first: a kept copy must not outlive the delete
        assertThat(http.delete("/v2/users/" + u).status()).isEqualTo(200);
        assertThat(userCount(http, c)).isZero();
        assertThat(remove(http, c, u).status()).isEqualTo(404);
    }

    /** 8 threads add and remove 6 users at random; the count must equal the links that remain. */
    @ParameterizedTest
    @EnumSource(Engine.class)
    void userCountIsExactUnderConcurrency(Engine engine) throws Exception {
        Http http = admin(engine);
        String c = customer(http);
        List<String> users = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            users.add(user(http));
        }
        ExecutorService pool = Executors.newFixedThreadPool(8);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<?>> done = new ArrayList<>();
        for (int t = 0; t < 8; t++) {
            done.add(pool.submit(() -> {
                start.await();
                ThreadLocalRandom random = ThreadLocalRandom.current();
                for (int i = 0; i < 25; i++) {
                    String u = users.get(random.nextInt(users.size()));
                    Reply r = random.nextBoolean() ? add(http, c, u) : remove(http, c, u);
                    assertThat(r.status()).as(r.toString()).isEqualTo(200);
                }
                return null;
            }));
        }
        start.countDown();
        for (Future<?> f : done) {
            f.get();
        }
        pool.shutdown();
        long links = servers.on(engine).database().read(h -> h.createQuery(
                        "SELECT COUNT(*) FROM express_customer_users WHERE customer_id = :c")
                .bind("c", c).mapTo(Long.class).one());
        assertThat(userCount(http, c)).isEqualTo(links);
        long linkedEvents = countEvents(engine, c, "express_customer.user_linked");
        long unlinkedEvents = countEvents(engine, c, "express_customer.user_unlinked");
        assertThat(linkedEvents - unlinkedEvents).isEqualTo(links);
    }

    private static List<String> eventTypes(Engine engine, String customerId) {
        return servers.on(engine).database().read(h -> h.createQuery(
                        "SELECT type FROM events WHERE aggregate_id = :id ORDER BY aggregate_version")
                .bind("id", customerId).mapTo(String.class).list());
    }

    private static long countEvents(Engine engine, String customerId, String type) {
        return servers.on(engine).database().read(h -> h.createQuery(
                        "SELECT COUNT(*) FROM events WHERE aggregate_id = :id AND type = :type")
                .bind("id", customerId).bind("type", type).mapTo(Long.class).one());
    }
}
