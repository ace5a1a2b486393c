package dev.roster.webhooks;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import org.assertj.core.data.Offset;
import org.junit.jupiter.api.Test;

/** Delivery gives way to a saturated writer, and only to a saturated one. */
class YieldingTest {
    private final AtomicLong busy = new AtomicLong();
    private final AtomicLong now = new AtomicLong(1_000_000_000L);
    private final Yielding yielding = new Yielding(busy::get, now::get);

    private void pass(long millis, double writerBusyShare) {
        now.addAndGet(Duration.ofMillis(millis).toNanos());
        busy.addAndGet((long) (Duration.ofMillis(millis).toNanos() * writerBusyShare));
    }

    @Test
    void aWriterWithRoomGetsNoPause() {
        pass(200, 0.5);
        assertThat(yielding.pauseAfter(Duration.ofMillis(30).toNanos(), 1)).isZero();
    }

    @Test
    void aSaturatedWriterMakesOneWorkerDeliverATenthOfTheTime() {
        pass(200, 0.95);
        Duration pause = yielding.pauseAfter(Duration.ofMillis(30).toNanos(), 1);
        assertThat(pause).isEqualTo(Duration.ofMillis(270));
        double share = 30.0 / (30 + pause.toMillis());
        assertThat(share).isCloseTo(Yielding.SHARE, Offset.offset(1e-9));
    }

    @Test
    void workersShareTheTenthBetweenThem() {
        pass(200, 0.95);
        assertThat(yielding.pauseAfter(Duration.ofMillis(10).toNanos(), 4)).isEqualTo(Duration.ofMillis(390));
    }

    @Test
    void noPauseIsLongerThanASecond() {
        pass(200, 1.0);
        assertThat(yielding.pauseAfter(Duration.ofMillis(500).toNanos(), 3)).isEqualTo(Yielding.LONGEST_PAUSE);
    }

    @Test
    void theVerdictHoldsForAWindowAndChangesWhenTheWriterHasRoomAgain() {
        pass(200, 0.9);
        assertThat(yielding.saturated()).isTrue();
        pass(20, 0.0); // too short a window to judge: the last verdict stands
        assertThat(yielding.saturated()).isTrue();
        pass(200, 0.1);
        assertThat(yielding.saturated()).isFalse();
    }
}
