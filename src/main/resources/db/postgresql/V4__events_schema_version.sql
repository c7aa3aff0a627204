-- The PostgreSQL twin of db/migration/V4 (the same index).
-- Lets the upcast dry run count events per (type, schema version) from the index alone and
-- read, in position order, only the events of the stored shapes an upcaster changes.
CREATE INDEX events_type_schema_version ON events (event_type, schema_version, position);
