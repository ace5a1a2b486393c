-- PostgreSQL enforces one event per aggregate version again. Writers run side by side here, so the database, not
-- only the code paths, should refuse a second event for a version. SQLite keeps V5's table without the index: its
-- one writer already orders every change, and the index cost a page of log per write (bench/README.md).
ALTER TABLE events ADD CONSTRAINT events_one_per_aggregate_version
    UNIQUE (aggregate_type, aggregate_id, aggregate_version);
