package dev.roster.app;

import dev.roster.domain.EventFilter;
import dev.roster.domain.FeedPosition;
import dev.roster.domain.LoggedEvent;
import dev.roster.domain.Principal;
import dev.roster.store.Database;
import dev.roster.store.EventFeed;
import java.util.List;
import java.util.Optional;

/**
 * One Express customer's audit trail from the event log, oldest first, for the console. Stands in until the events
 * API's use case can answer "events of one object" for it.
 */
public final class CustomerTimeline {
    /** A console page shows at most this many events of one customer. */
    public static final int MAX_EVENTS = 500;

    private final Database db;
    private final EventFeed feed;
    private final Customers customers;

    CustomerTimeline(Database db, Customers customers) {
        this.db = db;
        this.feed = new EventFeed(db.dialect());
        this.customers = customers;
    }

    /** The customer must be the caller's (another organization's is NOT_FOUND), checked before its events are read. */
    public List<LoggedEvent> of(Principal who, String customerId) {
        dev.roster.domain.Ids.CUSTOMER.require("expressCustomerId", customerId);
        EventFilter filter = new EventFilter(Optional.empty(), Optional.of(customerId));
        return db.read(h -> {
            customers.inOrganization(h, who, customerId);
            return feed.after(h, who.organizationId(), FeedPosition.START, filter, MAX_EVENTS);
        });
    }
}
