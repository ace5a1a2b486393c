package dev.roster.concurrency;

import static org.assertj.core.api.Assertions.assertThat;

import dev.roster.app.ApiKeys;
import dev.roster.app.Roster;
import dev.roster.http.WireEventData;
import dev.roster.store.Database;
import dev.roster.testing.Cli;
import dev.roster.testing.Engine;
import dev.roster.testing.Race;
import dev.roster.testing.Replicas;
import dev.roster.testing.Storage;
import dev.roster.testing.TestServer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Replicas that start together on an empty PostgreSQL database, and what a start that cannot succeed prints. */
class ReplicaStartTest {
    private static final int ROUNDS = 20;
    private static final int REPLICAS = 3;

    /**
     * The first start's own race, without the migrations in front of it (Flyway's lock lets one replica migrate at
     * a time, which mostly staggers what follows): every replica creates the instance at the same moment.
     */
    @Test
    void replicasCreatingTheInstanceAtOnceMakeOneOrganizationAndOneKey() {
        for (int round = 0; round < ROUNDS; round++) {
            Storage storage = Storage.fresh(Engine.POSTGRES);
            List<Database> databases = new ArrayList<>();
            try {
                for (int r = 0; r < REPLICAS; r++) {
                    databases.add(Database.open(storage.databaseUrl(), storage.dataDir()));
                }
                databases.get(0).migrate();
                List<Supplier<Optional<ApiKeys.CreatedKey>>> bootstraps = new ArrayList<>();
                for (Database db : databases) {
                    Roster roster = new Roster(db, Clock.systemUTC(), WireEventData.INSTANCE);
                    bootstraps.add(() -> roster.organizations().bootstrap(Optional.of(TestServer.ADMIN_KEY)));
                }
                long created = Race.together(bootstraps).stream().map(CompletableFuture::join).filter(Optional::isPresent).count();
                assertThat(created).as("replicas that created the instance").isEqualTo(1);
                assertThat(count(databases.get(0), "organizations")).isEqualTo(1);
                assertThat(count(databases.get(0), "api_keys")).isEqualTo(1);
            } finally {
                databases.forEach(Database::close);
            }
        }
    }

    @Test
    void replicasStartingTogetherOnAnEmptyDatabaseAllServeOneInstance() {
        for (int round = 0; round < 2; round++) {
            try (Replicas replicas = Replicas.start(Engine.POSTGRES, REPLICAS)) {
                for (int r = 0; r < replicas.size(); r++) {
                    assertThat(replicas.admin(r).get("/v1/express").status()).isEqualTo(200);
                }
                assertThat(count(replicas.get(0).database(), "organizations")).isEqualTo(1);
                assertThat(count(replicas.get(0).database(), "api_keys")).isEqualTo(1);
            }
        }
    }

    private static long count(Database db, String table) {
        return db.read(h -> h.createQuery("SELECT COUNT(*) FROM " + table).mapTo(Long.class).one());
    }

    @Test
    void aStartThatCannotReachTheDatabaseSaysSoWithoutAStackTrace(@TempDir Path dir) throws Exception {
        // Port 1 on loopback: nothing listens there, so the connection is refused at once.
        Storage unreachable = new Storage(Engine.POSTGRES, Files.createDirectories(dir.resolve("data")),
                "jdbc:postgresql://127.0.0.1:1/roster?user=roster");

        Cli.Run run = Cli.roster(unreachable, "migrate");

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.err()).startsWith("roster: migrate failed: ");
        assertThat(run.err()).contains("refused");
        assertThat(run.err()).doesNotContain("\tat ", "Exception:");
    }
}
