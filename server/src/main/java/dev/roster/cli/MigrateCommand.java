package dev.roster.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

@Command(name = "migrate", mixinStandardHelpOptions = true, description = "Apply pending database migrations and exit.")
public final class MigrateCommand implements Callable<Integer> {
    @Mixin
    DatabaseOptions database;

    @Override
    public Integer call() {
        try (var db = database.open()) {
            System.out.println("roster: " + database.describe() + " is up to date");
        }
        return 0;
    }
}
