-- The event log loses its UNIQUE (aggregate_type, aggregate_id, aggregate_version): the same change as SQLite's
-- V5, which explains it. PostgreSQL named the constraint after its table and columns.
ALTER TABLE events DROP CONSTRAINT events_aggregate_type_aggregate_id_aggregate_version_key;
