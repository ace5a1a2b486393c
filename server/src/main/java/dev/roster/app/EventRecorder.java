package dev.roster.app;

import dev.roster.domain.DomainEvent;
import dev.roster.store.EventLog;
import org.jdbi.v3.core.Handle;

/** Appends a use case's events to the log, with the object's shape for their data. */
final class EventRecorder {
    private final EventLog log;
    private final EventData data;

    EventRecorder(EventLog log, EventData data) {
        this.log = log;
        this.data = data;
    }

    void append(Handle h, DomainEvent e) {
        log.append(h, e);
    }

    EventData data() {
        return data;
    }
}
