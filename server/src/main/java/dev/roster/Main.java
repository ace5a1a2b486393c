package dev.roster;

import dev.roster.cli.KeyCommand;
import dev.roster.cli.MigrateCommand;
import dev.roster.cli.OrgCommand;
import dev.roster.cli.ServeCommand;
import dev.roster.cli.TrainCommand;
import dev.roster.cli.UserCommand;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code roster serve | migrate | org … | key …}. */
@Command(name = "roster",
        mixinStandardHelpOptions = true,
        versionProvider = Main.Version.class,
        description = "Roster: self-hostable account lifecycle (Avara v1 and ZITADEL v2 APIs).",
        subcommands = {ServeCommand.class, MigrateCommand.class, OrgCommand.class, KeyCommand.class,
                UserCommand.class, TrainCommand.class})
public final class Main {
    public static void main(String[] args) {
        System.exit(new CommandLine(new Main()).execute(args));
    }

    /** The version written into the jar's manifest by the build. */
    public static String version() {
        String v = Main.class.getPackage().getImplementationVersion();
        return v == null ? "development" : v;
    }

    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            return new String[] {"roster " + version() + " (Java " + Runtime.version() + ")"};
        }
    }
}
