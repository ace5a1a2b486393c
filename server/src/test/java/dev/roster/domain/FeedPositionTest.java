package dev.roster.domain;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Event ids are feed positions written out, and read back to the same position. */
class FeedPositionTest {
    @Test
    void anEventIdIsItsTransactionAndPositionInHex() {
        FeedPosition at = new FeedPosition(0x1f2e3d, 42);
        assertThat(at.eventId()).isEqualTo("evt_00000000001f2e3d000000000000002a");
        assertThat(Ids.EVENT.matches(at.eventId())).isTrue();
        assertThat(FeedPosition.ofEventId(at.eventId())).contains(at);
    }

    @Test
    void idsWrittenBeforeThisSchemeReadAsTheSamePlaces() {
        // Migration V8 gave every earlier event 'evt_' and its position padded to 32 digits, and a transaction id 0.
        assertThat(FeedPosition.ofEventId("evt_" + "0".repeat(30) + "ff")).contains(new FeedPosition(0, 255));
    }

    @Test
    void anythingElseIsNoPlace() {
        assertThat(FeedPosition.ofEventId("evt_123")).isEmpty();
        assertThat(FeedPosition.ofEventId("cus_" + "0".repeat(32))).isEmpty();
        assertThat(FeedPosition.ofEventId("evt_" + "G".repeat(32))).isEmpty();
        assertThat(FeedPosition.ofEventId(null)).isEmpty();
    }
}
