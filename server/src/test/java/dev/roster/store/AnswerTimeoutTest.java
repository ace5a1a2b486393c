package dev.roster.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.roster.domain.DomainError;
import dev.roster.domain.ErrorIds;
import dev.roster.testing.EmbeddedPostgresServer;
import java.time.Duration;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/**
 * A PostgreSQL statement whose answer does not come (as from a host that went away without closing the connection):
 * the reader or the writer gives its connection up after the answer timeout, the caller hears UNAVAILABLE, and the
 * next statement runs on a new connection. A statement that outlasts the timeout stands in for the silence.
 */
class AnswerTimeoutTest {
    private static final Duration TIMEOUT = Duration.ofSeconds(1);
    private static final String NO_ANSWER_IN_TIME = "SELECT pg_sleep(10)";

    @Test
    void aReadOrAWriteWithoutAnAnswerIsUnavailableAndTheNextOneRuns() {
        try (Database db = Database.postgres(EmbeddedPostgresServer.newDatabase(), 2, TIMEOUT)) {
            db.migrate();

            assertUnavailableSoon(() -> db.read(h -> h.execute(NO_ANSWER_IN_TIME)), "read");
            Integer read = db.read(h -> h.createQuery("SELECT 1").mapTo(Integer.class).one());
            assertThat(read).as("the next read").isEqualTo(1);

            assertUnavailableSoon(() -> db.write(h -> h.execute(NO_ANSWER_IN_TIME)), "write");
            Integer written = db.write(h -> h.createQuery("SELECT 1").mapTo(Integer.class).one());
            assertThat(written).as("the next write").isEqualTo(1);
        }
    }

    private static void assertUnavailableSoon(Supplier<Integer> statement, String what) {
        long started = System.nanoTime();
        DomainError failure = catchThrowableOfType(DomainError.class, statement::get);
        assertThat(failure).as(what).isNotNull();
        assertThat(failure.id()).as(what).isEqualTo(ErrorIds.DATABASE_UNAVAILABLE);
        // The writer runs a failed batch once more (with a savepoint per unit): two timeouts, well before the answer.
        assertThat(Duration.ofNanos(System.nanoTime() - started)).as(what).isLessThan(Duration.ofSeconds(6));
    }
}
