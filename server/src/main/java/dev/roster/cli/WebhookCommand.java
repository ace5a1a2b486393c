package dev.roster.cli;

import dev.roster.app.WebhookEndpoints;
import dev.roster.app.WebhookSettings;
import dev.roster.domain.Actor;
import dev.roster.domain.WebhookAttempt;
import dev.roster.domain.WebhookEndpoint;
import java.util.ArrayList;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "webhook", mixinStandardHelpOptions = true, description = "Manage the webhook endpoints of an organization.",
        subcommands = {WebhookCommand.List.class, WebhookCommand.Create.class, WebhookCommand.Delete.class,
            WebhookCommand.Attempts.class})
public final class WebhookCommand {
    /** Pages read at a time when the CLI prints a whole list. */
    private static final int PAGE = 100;

    @Command(name = "list", mixinStandardHelpOptions = true, description = "List endpoints, newest first (never the secrets).")
    static final class List implements Callable<Integer> {
        @Option(names = "--org", required = true, description = "Organization ID (org_…).")
        String organizationId;

        @Mixin
        DatabaseOptions database;

        @Override
        public Integer call() {
            return OrgCommand.Operator.run(database, roster -> {
                Optional<String> cursor = Optional.empty();
                do {
                    WebhookEndpoints.Listing page = roster.webhookEndpoints().list(organizationId, cursor, PAGE);
                    for (WebhookEndpoint e : page.page().items()) {
                        System.out.println(e.id() + "\t" + e.url() + "\t"
                                + (e.eventTypes().isEmpty() ? "*" : String.join(",", e.eventTypes())) + "\t"
                                + (e.enabled() ? "enabled" : "disabled: " + e.disabledReason()));
                    }
                    cursor = page.nextCursor();
                } while (cursor.isPresent());
            });
        }
    }

    @Command(name = "create", mixinStandardHelpOptions = true,
            description = "Create an endpoint; prints its ID and its signing secret, which is shown only now.")
    static final class Create implements Callable<Integer> {
        @Option(names = "--org", required = true, description = "Organization ID (org_…).")
        String organizationId;

        @Option(names = "--url", required = true, description = "Where events are POSTed (http or https).")
        String url;

        @Option(names = "--event-type", description = "An event type (user.locked) or family (express_customer.*) to "
                + "send; repeat for more; none sends every event.")
        java.util.List<String> eventTypes = new ArrayList<>();

        @Option(names = "--description", defaultValue = "", description = "What the endpoint is for.")
        String description;

        @Option(names = "--allow-private-target",
                description = "Accept a URL on a loopback or private address (as serve --webhooks-allow-private-targets).")
        boolean allowPrivate;

        @Mixin
        DatabaseOptions database;

        @Override
        public Integer call() {
            WebhookSettings settings = allowPrivate ? WebhookSettings.defaults().allowingPrivateTargets()
                    : WebhookSettings.defaults();
            return OrgCommand.Operator.run(database, settings, roster -> {
                WebhookEndpoint e = roster.webhookEndpoints().create(organizationId, Actor.cli(), null,
                        new WebhookEndpoints.NewEndpoint(url, eventTypes, description, true));
                System.out.println(e.id() + "\t" + e.secret());
            });
        }
    }

    @Command(name = "delete", mixinStandardHelpOptions = true, description = "Delete an endpoint and its delivery log.")
    static final class Delete implements Callable<Integer> {
        @Option(names = "--org", required = true, description = "Organization ID (org_…).")
        String organizationId;

        @Parameters(index = "0", description = "The endpoint ID (wep_…).")
        String endpointId;

        @Mixin
        DatabaseOptions database;

        @Override
        public Integer call() {
            return OrgCommand.Operator.run(database, roster -> {
                roster.webhookEndpoints().delete(organizationId, Actor.cli(), null, endpointId);
                System.out.println(endpointId + "\tdeleted");
            });
        }
    }

    @Command(name = "attempts", mixinStandardHelpOptions = true, description = "An endpoint's delivery attempts, newest first.")
    static final class Attempts implements Callable<Integer> {
        @Option(names = "--org", required = true, description = "Organization ID (org_…).")
        String organizationId;

        @Parameters(index = "0", description = "The endpoint ID (wep_…).")
        String endpointId;

        @Option(names = "--limit", defaultValue = "20", description = "How many, 1 to 100 (default 20).")
        int limit;

        @Mixin
        DatabaseOptions database;

        @Override
        public Integer call() {
            return OrgCommand.Operator.run(database, roster -> {
                var page = roster.webhookEndpoints().attempts(organizationId, endpointId, Optional.empty(),
                        Math.clamp(limit, 1, PAGE));
                for (WebhookAttempt a : page.page().items()) {
                    System.out.println(a.at() + "\t" + a.eventId() + "\t" + a.eventType() + "\t#" + a.attempt() + "\t"
                            + (a.statusCode() != null ? a.statusCode() : a.error()) + "\t" + a.durationMillis() + " ms");
                }
            });
        }
    }
}
