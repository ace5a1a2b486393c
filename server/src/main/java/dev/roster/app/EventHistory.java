package dev.roster.app;

import dev.roster.domain.DomainError;
import dev.roster.domain.EventFilter;
import dev.roster.domain.FeedPosition;
import dev.roster.domain.Ids;
import dev.roster.domain.LoggedEvent;
import dev.roster.domain.Principal;
import dev.roster.store.Database;
import dev.roster.store.EventFeed;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * An organization's event log as a feed, oldest first: each page continues after an event the caller names by id,
 * so a client that remembers the last id it handled reads every later event exactly once (see {@link EventFeed}).
 */
public final class EventHistory {
    /** A type ({@code user.locked}) or a family of types ({@code express_customer.*}). */
    private static final Pattern TYPE = Pattern.compile("^[a-z_]{1,50}(\\.[a-z_]{1,50}){0,3}(\\.\\*)?$");
    private static final int MAX_OBJECT_ID = 200;

    private final Database db;
    private final EventFeed feed;

    EventHistory(Database db) {
        this.db = db;
        this.feed = new EventFeed(db.dialect());
    }

    /** One page of events; {@code hasMore} says whether events after the last one were already readable. */
    public record Listing(List<LoggedEvent> events, boolean hasMore) {
    }

    /** What a caller may ask for; checked before any read so a bad filter is a 400 naming its field. */
    public record Query(Optional<String> startingAfter, Optional<String> type, Optional<String> objectId, int limit) {
        public Query {
            startingAfter.ifPresent(id -> Ids.EVENT.require("starting_after", id));
            type.ifPresent(t -> {
                if (!TYPE.matcher(t).matches()) {
                    throw DomainError.invalidField("type",
                            "must be an event type such as user.locked, or a family such as express_customer.*");
                }
            });
            objectId.ifPresent(id -> {
                if (id.length() > MAX_OBJECT_ID) {
                    throw DomainError.invalidField("objectId", "must be at most " + MAX_OBJECT_ID + " characters");
                }
            });
        }

        EventFilter filter() {
            return new EventFilter(type, objectId);
        }
    }

    /** Blocks: called off the event loop (the API's blocking executor, the CLI, the console). */
    public Listing page(String organizationId, Query query) {
        // A filtered read may walk much of the organization's log, so it takes one of the organization's search shares.
        return db.search(organizationId, h -> {
            FeedPosition after = query.startingAfter()
                    .map(id -> feed.positionOf(h, organizationId, id).orElseThrow(() -> DomainError.invalidField(
                            "starting_after", "names no event of this organization")))
                    .orElse(FeedPosition.START);
            List<LoggedEvent> read = feed.after(h, organizationId, after, query.filter(), query.limit() + 1);
            boolean hasMore = read.size() > query.limit();
            return new Listing(hasMore ? read.subList(0, query.limit()) : read, hasMore);
        });
    }
}
