package dev.roster.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.roster.Main;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** The launcher records its start-up cache from this run; a failure would leave every later start without it. */
class TrainCommandTest {
    @Test
    void aTrainingRunServesEverySurfaceAndExitsCleanly() {
        assertThat(new CommandLine(new Main()).execute("train", "--rounds", "2")).isZero();
    }

    @Test
    void itStaysOutOfTheHelp() {
        assertThat(new CommandLine(new Main()).getUsageMessage()).contains("serve").doesNotContain("train");
    }
}
