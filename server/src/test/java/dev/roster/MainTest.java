package dev.roster;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The command line is built for the subcommand being run, and whole for anything else. */
class MainTest {
    private static final String[] ALL = {"serve", "migrate", "org", "key", "user", "webhook", "events", "train"};

    @Test
    void aKnownSubcommandComesAlone() {
        assertThat(Main.commandLine("serve", "--port", "0").getSubcommands()).containsOnlyKeys("serve");
        assertThat(Main.commandLine("org", "create").getSubcommands()).containsOnlyKeys("org");
    }

    @Test
    void noSubcommandHelpOrATypoGetsThemAll() {
        assertThat(Main.commandLine().getSubcommands()).containsOnlyKeys(ALL);
        assertThat(Main.commandLine("--help").getSubcommands()).containsOnlyKeys(ALL);
        assertThat(Main.commandLine("serv").getSubcommands()).containsOnlyKeys(ALL);
    }

    @Test
    void serveAndItsTrainingRunPrepareTheServerAlike() {
        assertThat(Main.startsServer("serve")).isTrue();
        assertThat(Main.startsServer("train")).isTrue();
        assertThat(Main.startsServer("migrate")).isFalse();
        assertThat(Main.startsServer("org")).isFalse();
    }
}
