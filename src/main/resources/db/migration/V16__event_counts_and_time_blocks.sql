-- Events per event type and aggregate type, and how many of them open a stream (version 1):
-- every append transaction adds its own, so stats and the stream count come from these few rows
-- instead of a read of the whole log. Filled here from the events already stored.
CREATE TABLE event_counts (
    event_type      VARCHAR(200) NOT NULL,
    aggregate_type  VARCHAR(200),
    events          BIGINT       NOT NULL,
    streams         BIGINT       NOT NULL
);
INSERT INTO event_counts (event_type, aggregate_type, events, streams)
    SELECT event_type, aggregate_type, COUNT(*), SUM(CASE WHEN version = 1 THEN 1 ELSE 0 END)
    FROM events GROUP BY event_type, aggregate_type;
-- The earliest and latest timestamp of each run of positions (aligned blocks of 64, cut where
-- an append transaction starts): a time window then takes whole blocks without looking at
-- their events, and reads only the few blocks its bounds fall into.
CREATE TABLE event_time_blocks (
    first_position  BIGINT       NOT NULL PRIMARY KEY,
    last_position   BIGINT       NOT NULL,
    min_ts          TIMESTAMP(9) WITH TIME ZONE NOT NULL,
    max_ts          TIMESTAMP(9) WITH TIME ZONE NOT NULL
);
INSERT INTO event_time_blocks (first_position, last_position, min_ts, max_ts)
    SELECT MIN(position), MAX(position), MIN(ts), MAX(ts) FROM events GROUP BY (position - 1) / 64;
