package dev.roster.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.roster.Main;
import org.junit.jupiter.api.Test;

/** The launcher records its start-up cache from this run; a failure would leave every later start without it. */
class TrainCommandTest {
    @Test
    void aTrainingRunServesEverySurfaceAndExitsCleanly() {
        assertThat(Main.commandLine("train", "--rounds", "2").execute("train", "--rounds", "2")).isZero();
    }

    @Test
    void itStaysOutOfTheHelp() {
        assertThat(Main.commandLine().getUsageMessage()).contains("serve").doesNotContain("train");
    }
}
