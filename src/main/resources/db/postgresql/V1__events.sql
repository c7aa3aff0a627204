-- The PostgreSQL twin of db/migration/V1__events.sql: the same table and indexes, so the
-- shared SQL of the store runs on both. position is assigned by the store while it holds the
-- append advisory lock, so it has no gaps and commits in order across processes. data and
-- metadata are json, which keeps the text exactly as appended (jsonb would reorder keys, and a
-- copy between stores must export byte-identically); ts is nanoseconds since 1970-01-01 UTC,
-- because timestamptz keeps only microseconds and imported timestamps must round-trip exactly.
CREATE TABLE events (
    position        BIGINT       NOT NULL PRIMARY KEY,
    event_id        VARCHAR(200) NOT NULL,
    stream_id       VARCHAR(400) NOT NULL,
    version         BIGINT       NOT NULL,
    event_type      VARCHAR(200) NOT NULL,
    aggregate_type  VARCHAR(200),
    aggregate_id    VARCHAR(400),
    schema_version  INT          NOT NULL,
    ts              BIGINT       NOT NULL,
    correlation_id  VARCHAR(200),
    causation_id    VARCHAR(200),
    user_id         VARCHAR(200),
    data            JSON         NOT NULL,
    metadata        JSON,
    CONSTRAINT events_event_id UNIQUE (event_id),
    CONSTRAINT events_stream_version UNIQUE (stream_id, version)
);
CREATE INDEX events_correlation ON events (correlation_id, position);
CREATE INDEX events_causation ON events (causation_id, position);
CREATE INDEX events_type ON events (event_type, position);
CREATE INDEX events_ts ON events (ts, position);
