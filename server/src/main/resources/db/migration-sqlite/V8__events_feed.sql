-- The events feed (issue 19). Every event gets a public id. tx_id exists for PostgreSQL's feed order (see its V8);
-- here one writer commits in position order, so every event keeps 0 and the feed follows events_by_org.
ALTER TABLE events ADD COLUMN event_id VARCHAR(36);
UPDATE events SET event_id = printf('evt_%032x', position);
ALTER TABLE events ADD COLUMN tx_id BIGINT NOT NULL DEFAULT 0;
