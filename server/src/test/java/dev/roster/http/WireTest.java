package dev.roster.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class WireTest {
    private static final DateTimeFormatter REFERENCE =
            DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);

    @Test
    void timestampsAreUtcWithExactlyThreeFractionalDigits() {
        assertThat(Wire.timestamp(Instant.parse("2024-03-15T14:20:00Z"))).isEqualTo("2024-03-15T14:20:00.000Z");
        assertThat(Wire.timestamp(Instant.parse("2024-03-15T14:20:00.123456789Z"))).isEqualTo("2024-03-15T14:20:00.123Z");
        assertThat(Wire.timestamp(Instant.EPOCH)).isEqualTo("1970-01-01T00:00:00.000Z");
        assertThat(Wire.timestamp(null)).isNull();
    }

    @Test
    void timestampsMatchTheFormatterEverywhere() {
        SplittableRandom random = new SplittableRandom(20261123);
        long min = Instant.parse("-0100-01-01T00:00:00Z").getEpochSecond();
        long max = Instant.parse("+12000-12-31T23:59:59Z").getEpochSecond();
        for (int i = 0; i < 100_000; i++) {
            Instant t = Instant.ofEpochSecond(random.nextLong(min, max), random.nextInt(1_000_000_000));
            assertThat(Wire.timestamp(t)).isEqualTo(REFERENCE.format(t));
        }
    }
}
