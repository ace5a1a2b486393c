package dev.roster.testing;

import dev.roster.store.Database;
import java.util.List;

/**
 * What the event log must hold whatever a test did. The schema no longer enforces one event per aggregate version
 * (migration V5 dropped that index for the write path's sake), so the shared test servers ({@link Servers}) check it
 * before they stop, after every test of their class ran.
 */
public final class EventLogChecks {
    private EventLogChecks() {
    }

    public static void assertOneEventPerAggregateVersion(Database database) {
        List<String> repeated = database.read(h -> h.createQuery("""
                        SELECT aggregate_type || ' ' || aggregate_id || ' v' || aggregate_version
                        FROM events
                        GROUP BY aggregate_type, aggregate_id, aggregate_version
                        HAVING COUNT(*) > 1
                        LIMIT 5""")
                .mapTo(String.class)
                .list());
        if (!repeated.isEmpty()) {
            throw new AssertionError("more than one event for the same aggregate version: " + repeated);
        }
    }
}
