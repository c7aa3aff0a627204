-- The global event log. position is assigned by the store under its write lock, so it has
-- no gaps and commits in order. data and metadata are JSON text: VARCHAR rather than CLOB
-- because H2 keeps CLOBs over 256 bytes out of the row, which costs every append and read;
-- one event holds at most 1,000,000 characters of data. metadata holds only the free
-- entries; user, correlation and causation have columns. ts keeps nanoseconds so imported
-- timestamps round-trip exactly.
CREATE TABLE events (
    position        BIGINT       NOT NULL PRIMARY KEY,
    event_id        VARCHAR(200) NOT NULL,
    stream_id       VARCHAR(400) NOT NULL,
    version         BIGINT       NOT NULL,
    event_type      VARCHAR(200) NOT NULL,
    aggregate_type  VARCHAR(200),
    aggregate_id    VARCHAR(400),
    schema_version  INT          NOT NULL,
    ts              TIMESTAMP(9) WITH TIME ZONE NOT NULL,
    correlation_id  VARCHAR(200),
    causation_id    VARCHAR(200),
    user_id         VARCHAR(200),
    data            VARCHAR(1000000) NOT NULL,
    metadata        VARCHAR(1000000),
    CONSTRAINT events_event_id UNIQUE (event_id),
    CONSTRAINT events_stream_version UNIQUE (stream_id, version)
);
CREATE INDEX events_correlation ON events (correlation_id, position);
CREATE INDEX events_causation ON events (causation_id, position);
CREATE INDEX events_type ON events (event_type, position);
CREATE INDEX events_ts ON events (ts, position);
