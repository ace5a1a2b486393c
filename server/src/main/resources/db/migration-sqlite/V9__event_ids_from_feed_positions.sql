-- An event's public id is now its place in the feed (see FeedPosition); the stored event_id is no longer written or
-- read. SQLite's file belongs to one server, so no older version is still writing it, and the column goes.
ALTER TABLE events DROP COLUMN event_id;
