-- The stored event_id, empty since V9, goes: every replica of V9 or later leaves it alone, and SQLite dropped it then.
ALTER TABLE events DROP COLUMN IF EXISTS event_id;
