package dev.roster.store;

import static org.assertj.core.api.Assertions.assertThat;

import dev.roster.domain.FeedPosition;
import dev.roster.testing.Engine;
import dev.roster.testing.Storage;
import java.time.Instant;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** A finished attempt removes the retry it was sent for, never one queued again while it was in flight. */
class WebhookRetryRowsTest {
    private static final FeedPosition EVENT = new FeedPosition(7, 42);
    private final WebhookDeliveryStore store = new WebhookDeliveryStore();

    @ParameterizedTest
    @EnumSource(Engine.class)
    void aResendQueuedDuringAnAttemptOutlivesIt(Engine engine) {
        Storage storage = Storage.fresh(engine);
        try (Database db = Database.open(storage.databaseUrl(), storage.dataDir())) {
            db.migrate();
            Instant sent = Instant.parse("2026-12-06T20:00:00Z");
            Instant resent = sent.plusMillis(5);
            db.write(h -> {
                store.scheduleRetry(h, new WebhookDeliveryStore.Retry("org_a", "wep_a", EVENT, 2, sent));
                return null;
            });
            // While the attempt sent at `sent` is in flight, a resend queues the event again.
            db.write(h -> {
                store.scheduleRetry(h, new WebhookDeliveryStore.Retry("org_a", "wep_a", EVENT, 1, resent));
                return null;
            });
            db.write(h -> {
                store.removeRetry(h, "org_a", "wep_a", EVENT, sent);
                return null;
            });
            assertThat(retries(db)).as("the resend is still queued").isEqualTo(1);

            db.write(h -> {
                store.removeRetry(h, "org_a", "wep_a", EVENT, resent);
                return null;
            });
            assertThat(retries(db)).as("the resend's own attempt removes it").isZero();
        }
    }

    private static int retries(Database db) {
        return db.read(h -> h.createQuery("SELECT COUNT(*) FROM webhook_retries WHERE org_id = 'org_a'")
                .mapTo(Integer.class).one());
    }
}
