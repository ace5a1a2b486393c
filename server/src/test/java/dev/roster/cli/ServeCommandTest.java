package dev.roster.cli;

import static org.assertj.core.api.Assertions.assertThat;

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
}
