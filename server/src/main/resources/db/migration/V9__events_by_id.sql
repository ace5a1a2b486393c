-- Events are addressed by their public id (the events API's starting_after, webhook-id): one index finds one, and
-- being unique it also guarantees an id names one event.
CREATE UNIQUE INDEX events_by_event_id ON events (event_id);
