package dev.roster.app;

import dev.roster.domain.Principal;
import dev.roster.domain.Session;
import dev.roster.domain.User;
import dev.roster.store.SessionStore;
import java.time.Instant;
import org.jdbi.v3.core.Handle;

/** Ends sessions and records each end; used inside the transaction of whatever caused it. */
final class SessionTermination {
    static final String AGGREGATE = "session";

    private final SessionStore store;
    private final EventRecorder events;

    SessionTermination(SessionStore store, EventRecorder events) {
        this.store = store;
        this.events = events;
    }

    /** Ends every live session of {@code user}: a deactivated, locked or deleted user is logged out at once. */
    void endAllOf(Handle h, Principal who, String reason, User user) {
        for (Session s : store.liveOfUser(h, user.organizationId(), user.id())) {
            end(h, who, reason, s, user.changedAt());
        }
    }

    /** Ends one session; false when it had already ended. */
    boolean end(Handle h, Principal who, String reason, Session s, Instant now) {
        if (!store.terminate(h, s.organizationId(), s.id(), now)) {
            return false;
        }
        Events log = new Events(s.organizationId(), AGGREGATE, s.id(), who.actor(), reason, now);
        events.append(h, log.event("session.terminated", s.version() + 1, events.data().session(s.ended(now))));
        return true;
    }
}
