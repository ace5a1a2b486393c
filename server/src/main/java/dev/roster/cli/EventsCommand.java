package dev.roster.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.roster.app.EventHistory;
import dev.roster.domain.DomainError;
import dev.roster.domain.Ids;
import dev.roster.domain.LoggedEvent;
import dev.roster.http.Wire;
import dev.roster.http.v1.EventJson;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "events", mixinStandardHelpOptions = true, description = "Read an organization's event log.",
        subcommands = {EventsCommand.Tail.class})
public final class EventsCommand {
    private static final int PAGE = 1_000;

    @Command(name = "tail", mixinStandardHelpOptions = true,
            description = "Print the newest events, one JSON object per line (the shape of GET /v1/events), and with "
                    + "--follow every event after them as it is written.")
    static final class Tail implements Callable<Integer> {
        @Option(names = "--org", required = true, description = "Organization ID (org_…).")
        String organizationId;

        @Option(names = {"-n", "--lines"}, defaultValue = "10", description = "How many of the newest events to print "
                + "first (default ${DEFAULT-VALUE}); ignored with --after.")
        int lines;

        @Option(names = "--after", description = "Print every event after this one (evt_…) instead of the newest.")
        String after;

        @Option(names = {"-f", "--follow"}, description = "Keep printing new events until interrupted.")
        boolean follow;

        @Option(names = "--type", description = "Only this type (user.locked) or family (express_customer.*).")
        String type;

        @Option(names = "--object", description = "Only events about this object id.")
        String objectId;

        @Option(names = "--poll-interval", defaultValue = "1s",
                description = "How often --follow asks for new events (default ${DEFAULT-VALUE}).")
        String pollInterval;

        @Mixin
        DatabaseOptions database;

        @Override
        public Integer call() {
            return OrgCommand.Operator.run(database, roster -> {
                Ids.ORGANIZATION.require("--org", organizationId);
                if (lines < 0) {
                    throw DomainError.invalidField("--lines", "must be 0 or more");
                }
                Duration interval = interval();
                EventHistory history = roster.events();
                Optional<String> position = after == null ? newest(history) : Optional.of(after);
                while (true) {
                    EventHistory.Listing page = history.page(organizationId, query(position));
                    page.events().forEach(EventsCommand::print);
                    if (!page.events().isEmpty()) {
                        position = Optional.of(page.events().getLast().id());
                    }
                    if (page.hasMore()) {
                        continue;
                    }
                    if (!follow || !pause(interval)) {
                        return;
                    }
                }
            });
        }

        private Duration interval() {
            try {
                Duration d = Duration.parse("PT" + pollInterval.toUpperCase(java.util.Locale.ROOT));
                if (d.isPositive()) {
                    return d;
                }
            } catch (java.time.format.DateTimeParseException e) {
                // answered below, as for a duration that is not positive
            }
            throw DomainError.invalidField("--poll-interval", "must be a positive duration such as 500ms, 1s or 1m");
        }

        /** Prints the newest {@code lines} events and answers the id after which the rest begins. */
        private Optional<String> newest(EventHistory history) {
            Deque<LoggedEvent> kept = new ArrayDeque<>();
            Optional<String> position = Optional.empty();
            EventHistory.Listing page;
            do {
                page = history.page(organizationId, query(position));
                for (LoggedEvent e : page.events()) {
                    kept.addLast(e);
                    if (kept.size() > lines) {
                        kept.removeFirst();
                    }
                    position = Optional.of(e.id());
                }
            } while (page.hasMore());
            kept.forEach(EventsCommand::print);
            return position;
        }

        private EventHistory.Query query(Optional<String> position) {
            return new EventHistory.Query(position, Optional.ofNullable(type), Optional.ofNullable(objectId), PAGE);
        }
    }

    /** False once interrupted: following ends quietly. */
    private static boolean pause(Duration interval) {
        try {
            Thread.sleep(interval);
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private static void print(LoggedEvent e) {
        try {
            System.out.println(Wire.MAPPER.writeValueAsString(EventJson.of(e)));
        } catch (JsonProcessingException ex) {
            throw new IllegalStateException("cannot print event " + e.id(), ex);
        }
    }
}
