package dev.roster.http.v2;

import static dev.roster.http.v2.V2Fixtures.human;
import static dev.roster.http.v2.V2Fixtures.uniqueEmail;
import static org.assertj.core.api.Assertions.assertThat;

import dev.roster.testing.Engine;
import dev.roster.testing.Servers;
import dev.roster.testing.TestServer;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Eight clients add the same username at once: one wins, the others get ALREADY_EXISTS, never a 500. */
class ConcurrentAddTest {
    @RegisterExtension
    static final Servers servers = new Servers();

    @ParameterizedTest
    @EnumSource(Engine.class)
    void oneWinnerPerUsername(Engine engine) throws Exception {
        V2Client c = V2Client.of(Transport.GRPC, servers.on(engine).http(), TestServer.ADMIN_KEY);
        for (int round = 0; round < 3; round++) {
            String email = uniqueEmail();
            ExecutorService pool = Executors.newFixedThreadPool(8);
            CountDownLatch start = new CountDownLatch(1);
            List<Future<String>> results = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                results.add(pool.submit(() -> {
                    start.await();
                    try {
                        return c.call(Rpc.ADD_HUMAN_USER, human(email).build()).getUserId();
                    } catch (V2Failure f) {
                        return f.id;
                    }
                }));
            }
            start.countDown();
            List<String> outcomes = new ArrayList<>();
            for (Future<String> f : results) {
                outcomes.add(f.get());
            }
            pool.shutdown();
            assertThat(outcomes).filteredOn(o -> o.startsWith("usr_")).hasSize(1);
            assertThat(outcomes).filteredOn(o -> !o.startsWith("usr_")).containsOnly("V3-DKcYh");
        }
    }
}
