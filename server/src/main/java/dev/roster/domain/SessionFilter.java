package dev.roster.domain;

import java.time.Instant;
import java.util.List;

/** A condition on live sessions, as ListSessions' search queries express it; top-level filters are ANDed. */
public sealed interface SessionFilter {
    record IdIn(List<String> ids) implements SessionFilter {
    }

    record UserIs(String userId) implements SessionFilter {
    }

    enum Compare { EQUALS, GREATER, GREATER_OR_EQUALS, LESS, LESS_OR_EQUALS }

    record CreatedAt(Instant at, Compare compare) implements SessionFilter {
    }
}
