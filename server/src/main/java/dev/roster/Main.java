package dev.roster;

import dev.roster.cli.EventsCommand;
import dev.roster.cli.KeyCommand;
import dev.roster.cli.MigrateCommand;
import dev.roster.cli.OrgCommand;
import dev.roster.cli.ServeCommand;
import dev.roster.cli.TrainCommand;
import dev.roster.cli.UserCommand;
import dev.roster.cli.WebhookCommand;
import dev.roster.http.EdgePreloader;
import java.util.List;
import org.slf4j.LoggerFactory;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code roster serve | migrate | org … | key … | user … | events … | webhook …}. */
@Command(name = "roster",
        mixinStandardHelpOptions = true,
        versionProvider = Main.Version.class,
        description = "Roster: self-hostable account lifecycle (Avara v1 and ZITADEL v2 APIs).")
public final class Main {
    private static final List<Class<?>> SUBCOMMANDS = List.of(ServeCommand.class, MigrateCommand.class,
            OrgCommand.class, KeyCommand.class, UserCommand.class, WebhookCommand.class, EventsCommand.class,
            TrainCommand.class);

    public static void main(String[] args) {
        if (args.length > 0 && startsServer(args[0])) {
            // Logging first: a logger asked for on another thread while SLF4J initializes is a stand-in, whose
            // events SLF4J replays later with a warning on standard error.
            LoggerFactory.getILoggerFactory();
            EdgePreloader.startInBackground(); // while the command line is read and the database opened
        }
        System.exit(commandLine(args).execute(args));
    }

    /**
     * The command line for {@code args}. picocli reads every option of every command it is given by reflection
     * (0.1-0.2 s of each start in a wall-clock profile), so a known subcommand comes alone; anything else (none,
     * {@code --help}, a typo) gets them all, for the usage message and the suggestions.
     */
    public static CommandLine commandLine(String... args) {
        CommandLine cli = new CommandLine(new Main());
        cli.setExecutionExceptionHandler(Main::failed);
        String first = args.length > 0 ? args[0] : "";
        boolean known = SUBCOMMANDS.stream().anyMatch(c -> commandName(c).equals(first));
        for (Class<?> subcommand : SUBCOMMANDS) {
            if (!known || commandName(subcommand).equals(first)) {
                cli.addSubcommand(subcommand);
            }
        }
        return cli;
    }

    /**
     * {@code train} records what {@code serve} loads for the start-up cache, so it must start the server the same
     * way: without Armeria's defaults it probed for OpenSSL, and the cache carried ~250 TLS classes that every
     * start loaded and no server used.
     */
    static boolean startsServer(String command) {
        return command.equals(commandName(ServeCommand.class)) || command.equals(commandName(TrainCommand.class));
    }

    private static String commandName(Class<?> subcommand) {
        return subcommand.getAnnotation(Command.class).name();
    }

    /**
     * A command that fails (the database unreachable, a migration refused, a port taken) says why in a line or two,
     * each cause's message once; the stack trace goes to the log at DEBUG, for whoever asks for it.
     */
    private static int failed(Exception failure, CommandLine command, CommandLine.ParseResult parsed) {
        StringBuilder why = new StringBuilder("roster: ").append(command.getCommandName()).append(" failed: ");
        String last = null;
        for (Throwable t = failure; t != null && t.getCause() != t; t = t.getCause()) {
            String message = t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage().strip();
            if (last == null || !last.contains(message)) {
                why.append(last == null ? "" : "\n  caused by: ").append(message);
            }
            last = message;
        }
        command.getErr().println(why);
        LoggerFactory.getLogger(Main.class).debug("{} failed", command.getCommandName(), failure);
        return 1;
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
