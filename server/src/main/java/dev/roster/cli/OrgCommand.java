package dev.roster.cli;

import dev.roster.app.Roster;
import dev.roster.app.WebhookSettings;
import dev.roster.domain.Actor;
import dev.roster.domain.Organization;
import dev.roster.http.WireEventData;
import java.time.Clock;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "org", mixinStandardHelpOptions = true, description = "Manage organizations (tenants).",
        subcommands = OrgCommand.Create.class)
public final class OrgCommand {
    @Command(name = "create", mixinStandardHelpOptions = true, description = "Create an organization; prints its ID.")
    static final class Create implements Callable<Integer> {
        @Option(names = "--name", required = true, description = "Display name, 1 to 200 characters.")
        String name;

        @Mixin
        DatabaseOptions database;

        @Override
        public Integer call() {
            return Operator.run(database, roster -> {
                Organization org = roster.organizations().create(Actor.cli(), name);
                System.out.println(org.id() + "\t" + org.name());
            });
        }
    }

    /** Shared by the operator commands: open, act, close, and turn a refusal into a message and exit code 2. */
    static final class Operator {
        private Operator() {
        }

        static int run(DatabaseOptions database, java.util.function.Consumer<Roster> action) {
            return run(database, WebhookSettings.defaults(), action);
        }

        /** As {@link #run(DatabaseOptions, java.util.function.Consumer)}, with the webhook settings a command chose. */
        static int run(DatabaseOptions database, WebhookSettings webhooks, java.util.function.Consumer<Roster> action) {
            try (var db = database.open()) {
                action.accept(new Roster(db, Clock.systemUTC(), Roster.Settings.defaults(), webhooks,
                        WireEventData.INSTANCE));
                return 0;
            } catch (dev.roster.domain.DomainError e) {
                System.err.println("roster: " + e.getMessage());
                return 2;
            }
        }
    }
}
