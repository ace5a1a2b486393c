package dev.roster.cli;

import dev.roster.app.ViewerUsers;
import dev.roster.domain.Actor;
import dev.roster.domain.Ids;
import dev.roster.domain.Principal;
import dev.roster.domain.UserLevel;
import dev.roster.domain.ViewerUser;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "user", mixinStandardHelpOptions = true, description = "Operator actions on users.",
        subcommands = {UserCommand.MakeOwner.class, UserCommand.MakeAdmin.class})
public final class UserCommand {
    @Command(name = "make-owner", mixinStandardHelpOptions = true,
            description = "Make a user the owner of its organization: the one user no API call can revoke, "
                    + "deactivate, lock, delete or demote.")
    static final class MakeOwner implements Callable<Integer> {
        @Mixin
        TargetUser target;

        @Override
        public Integer call() {
            return OrgCommand.Operator.run(target.database, roster -> print(
                    roster.viewerUsers().makeOwner(Actor.cli(), target.organizationId, target.userId)));
        }
    }

    @Command(name = "make-admin", mixinStandardHelpOptions = true,
            description = "Make a user an admin of its organization (Viewer level admin, with dashboard access): "
                    + "admins and the owner may sign in to the console at /console.")
    static final class MakeAdmin implements Callable<Integer> {
        @Mixin
        TargetUser target;

        @Override
        public Integer call() {
            return OrgCommand.Operator.run(target.database, roster -> {
                Ids.ORGANIZATION.require("organizationId", target.organizationId);
                print(roster.viewerUsers().update(Principal.operator(target.organizationId), null, target.userId,
                        new ViewerUsers.Changes(null, null, null, null, null, null, null, UserLevel.ADMIN, null, true)));
            });
        }
    }

    /** The user a command acts on, in its organization, and the database it lives in. */
    static final class TargetUser {
        @Option(names = "--org", required = true, description = "Organization ID (org_…).")
        String organizationId;

        @Parameters(index = "0", description = "User ID (usr_…).")
        String userId;

        @Mixin
        DatabaseOptions database;
    }

    private static void print(ViewerUser user) {
        System.out.println(user.user().id() + "\t" + user.profile().level().wire() + "\t" + user.user().email().value());
    }
}
