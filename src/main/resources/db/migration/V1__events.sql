-- The global event log. position is assigned by the store under its write lock, so it has
-- no gaps and commits in order.
CREATE TABLE events (
    position        BIGINT       NOT NULL PRIMARY KEY,
    event_id        VARCHAR(200) NOT NULL,
    stream_id       VARCHAR(400) NOT NULL,
    version         BIGINT       NOT NULL,
    event_type      VARCHAR(200) NOT NULL,
    aggregate_type  VARCHAR(200),
    aggregate_id    VARCHAR(400),
    schema_version  INT          NOT NULL,
    ts              TIMESTAMP WITH TIME ZONE NOT NULL,
    correlation_id  VARCHAR(200),
    causation_id    VARCHAR(200),
    user_id         VARCHAR(200),
    data            CLOB         NOT NULL,
    metadata        CLOB,
    CONSTRAINT events_event_id UNIQUE (event_id),
    CONSTRAINT events_stream_version UNIQUE (stream_id, version)
);
CREATE INDEX events_correlation ON events (correlation_id, position);
CREATE INDEX events_causation ON events (causation_id, position);
CREATE INDEX events_type ON events (event_type, position);
CREATE INDEX events_ts ON events (ts, position);
