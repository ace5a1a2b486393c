package dev.roster.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.roster.app.RateLimit;
import dev.roster.http.RosterServer;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

class ServeCommandTest {
    @Test
    void lockoutIsOffByDefaultAndConfigurable() {
        ServeCommand defaults = new ServeCommand();
        new CommandLine(defaults).parseArgs();
        assertThat(defaults.lockoutMaxAttempts).isZero();

        ServeCommand five = new ServeCommand();
        new CommandLine(five).parseArgs("--lockout-max-attempts", "5");
        assertThat(five.lockoutMaxAttempts).isEqualTo(5);
    }

    @Test
    void rateLimitsDefaultToAHundredPerSecondPerKeyAndTenChecksPerMinutePerUser() {
        ServeCommand defaults = parsed();

        assertThat(defaults.requestsPerApiKey()).isEqualTo(new RateLimit(100, Duration.ofSeconds(1)));
        assertThat(defaults.passwordChecksPerUser()).isEqualTo(new RateLimit(10, Duration.ofMinutes(1)));
    }

    @Test
    void rateLimitsTakeAUnitOrTurnOff() {
        assertThat(parsed("--rate-limit", "25").requestsPerApiKey())
                .isEqualTo(new RateLimit(25, Duration.ofSeconds(1)));
        assertThat(parsed("--rate-limit", "600/min").requestsPerApiKey())
                .isEqualTo(new RateLimit(600, Duration.ofMinutes(1)));
        assertThat(parsed("--password-check-limit", "5").passwordChecksPerUser())
                .isEqualTo(new RateLimit(5, Duration.ofMinutes(1)));
        assertThat(parsed("--password-check-limit", "30/h").passwordChecksPerUser())
                .isEqualTo(new RateLimit(30, Duration.ofHours(1)));
        assertThat(parsed("--rate-limit", "off").requestsPerApiKey().isOff()).isTrue();
        assertThat(parsed("--rate-limit", "0").requestsPerApiKey().isOff()).isTrue();
        assertThat(parsed("--password-check-limit", "OFF").passwordChecksPerUser().isOff()).isTrue();
    }

    @Test
    void aRateLimitThatIsNoneIsRefusedNamingTheOption() {
        for (String bad : new String[] {"-1", "fast", "10/day", "1.5/s", "", "9999999999"}) {
            ServeCommand serve = parsed("--rate-limit", bad);
            assertThatThrownBy(serve::requestsPerApiKey).as(bad)
                    .isInstanceOf(CommandLine.ParameterException.class)
                    .hasMessageStartingWith("--rate-limit: ");
        }
    }

    @Test
    void openConnectionsAreCappedByDefaultAndConfigurable() {
        assertThat(parsed().limits().maxConnections()).isEqualTo(RosterServer.MAX_CONNECTIONS);
        assertThat(parsed("--max-connections", "10000").limits().maxConnections()).isEqualTo(10_000);
        for (String bad : new String[] {"0", "-5"}) {
            ServeCommand serve = parsed("--max-connections", bad);
            assertThatThrownBy(serve::limits).as(bad)
                    .isInstanceOf(CommandLine.ParameterException.class)
                    .hasMessageStartingWith("--max-connections ");
        }
    }

    private static ServeCommand parsed(String... args) {
        ServeCommand serve = new ServeCommand();
        new CommandLine(serve).parseArgs(args);
        return serve;
    }
}
