-- The events feed (issue 19). Every event gets a public id, and the id of the transaction that wrote it: positions
-- come from a sequence, so a transaction that took a smaller position can commit after one that took a larger, and
-- a reader that followed positions alone would step over it. The feed reads in (tx_id, position) order and only
-- below the oldest transaction still running, where nothing new can appear.
ALTER TABLE events ADD COLUMN event_id VARCHAR(36);
UPDATE events SET event_id = 'evt_' || lpad(to_hex(position), 32, '0');
ALTER TABLE events ALTER COLUMN event_id SET NOT NULL;
-- Roster sets the id; the default covers replicas of an older version still running during a rolling upgrade.
ALTER TABLE events ALTER COLUMN event_id SET DEFAULT ('evt_' || replace(gen_random_uuid()::text, '-', ''));
ALTER TABLE events ADD COLUMN tx_id BIGINT NOT NULL DEFAULT 0;
ALTER TABLE events ALTER COLUMN tx_id SET DEFAULT (pg_current_xact_id()::text::bigint);
CREATE INDEX events_feed ON events (org_id, tx_id, position);
