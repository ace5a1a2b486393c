-- An event's public id is now its place in the feed (see FeedPosition), so nothing looks events up by the stored
-- event_id and new rows leave it empty. The column stays for one version: replicas of the previous version, still
-- running during a rolling upgrade, insert into it.
ALTER TABLE events ALTER COLUMN event_id DROP NOT NULL;
ALTER TABLE events ALTER COLUMN event_id DROP DEFAULT;
