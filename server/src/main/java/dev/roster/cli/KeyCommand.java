package dev.roster.cli;

import dev.roster.app.ApiKeys;
import dev.roster.domain.Actor;
import dev.roster.domain.ApiKey;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "key", mixinStandardHelpOptions = true, description = "Manage the API keys of an organization.",
        subcommands = {KeyCommand.Create.class, KeyCommand.List.class, KeyCommand.Revoke.class})
public final class KeyCommand {
    @Command(name = "create", mixinStandardHelpOptions = true,
            description = "Create a key; prints its ID and the secret, which is shown only now.")
    static final class Create implements Callable<Integer> {
        @Option(names = "--org", required = true, description = "Organization ID (org_…).")
        String organizationId;

        @Option(names = "--name", required = true, description = "What the key is for, 1 to 200 characters.")
        String name;

        @Mixin
        DatabaseOptions database;

        @Override
        public Integer call() {
            return OrgCommand.Operator.run(database, roster -> {
                ApiKeys.CreatedKey created = roster.apiKeys().createByOperator(organizationId, name);
                System.out.println(created.key().id() + "\t" + created.secret());
            });
        }
    }

    @Command(name = "list", mixinStandardHelpOptions = true, description = "List keys, newest first (never the secrets).")
    static final class List implements Callable<Integer> {
        @Option(names = "--org", required = true, description = "Organization ID (org_…).")
        String organizationId;

        @Mixin
        DatabaseOptions database;

        @Override
        public Integer call() {
            return OrgCommand.Operator.run(database, roster -> {
                for (ApiKey key : roster.apiKeys().listByOperator(organizationId)) {
                    System.out.println(key.id() + "\t" + key.name() + "\t" + key.createdAt()
                            + "\t" + (key.revoked() ? "revoked " + key.revokedAt() : "active")
                            + (key.instanceAdmin() ? "\tinstance-admin" : ""));
                }
            });
        }
    }

    @Command(name = "revoke", mixinStandardHelpOptions = true,
            description = "Revoke a key. A running server stops accepting it within about a second.")
    static final class Revoke implements Callable<Integer> {
        @Option(names = "--org", required = true, description = "Organization ID (org_…).")
        String organizationId;

        @Parameters(index = "0", description = "The key ID (a UUID).")
        String apiKeyId;

        @Mixin
        DatabaseOptions database;

        @Override
        public Integer call() {
            return OrgCommand.Operator.run(database, roster -> {
                ApiKey key = roster.apiKeys().revoke(Actor.cli(), organizationId, apiKeyId);
                System.out.println(key.id() + "\trevoked " + key.revokedAt());
            });
        }
    }
}
