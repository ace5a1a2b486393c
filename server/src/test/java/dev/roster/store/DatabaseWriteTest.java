package dev.roster.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.jdbi.v3.core.Handle;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@link Database#write} on SQLite, through the group-commit writer: the contract callers rely on. */
class DatabaseWriteTest {
    @TempDir
    Path dir;

    private Database db;

    @BeforeEach
    void open() {
        db = Database.sqlite(dir);
        db.migrate();
    }

    @AfterEach
    void close() {
        db.close();
    }

    @Test
    void aConcurrentUpdateRunsTheUnitAgainFromTheStart() {
        AtomicInteger attempts = new AtomicInteger();
        String result = db.write(h -> {
            insertOrganization(h, "org_a");
            if (attempts.incrementAndGet() < 3) {
                throw new ConcurrentUpdateException("organization org_a");
            }
            return "done";
        });
        assertThat(result).isEqualTo("done");
        assertThat(attempts).hasValue(3);
        assertThat(organizations()).containsExactly("org_a"); // the failed attempts left nothing behind
    }

    @Test
    void aConcurrentUpdateThatNeverSettlesReachesTheCallerAfterTheLastAttempt() {
        AtomicInteger attempts = new AtomicInteger();
        assertThatThrownBy(() -> db.write(h -> {
            attempts.incrementAndGet();
            throw new ConcurrentUpdateException("organization org_b");
        })).isInstanceOf(ConcurrentUpdateException.class);
        assertThat(attempts.get()).isGreaterThan(1);
    }

    @Test
    void concurrentWritersEachGetTheirOwnResultAndEveryRowIsThere() throws Exception {
        List<Future<String>> results = new ArrayList<>();
        try (ExecutorService callers = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int i = 0; i < 200; i++) {
                String id = "org_" + i;
                results.add(callers.submit(() -> db.write(h -> {
                    insertOrganization(h, id);
                    return id;
                })));
            }
        }
        for (int i = 0; i < 200; i++) {
            assertThat(results.get(i).get()).isEqualTo("org_" + i);
        }
        assertThat(organizations()).hasSize(200);
    }

    private static void insertOrganization(Handle h, String id) {
        h.execute("INSERT INTO organizations (id, name, created_at, version) VALUES (?, ?, 0, 1)", id, id);
    }

    private List<String> organizations() {
        return db.read(h -> h.createQuery("SELECT id FROM organizations ORDER BY id").mapTo(String.class).list());
    }
}
