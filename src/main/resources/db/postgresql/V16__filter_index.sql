-- The PostgreSQL twin of db/migration/V16__filter_index.sql: the same tables; ts is
-- nanoseconds, as in events, and words compare by code point (COLLATE "C") so that a prefix is
-- a range of the primary key, as in H2.
CREATE TABLE event_index (
    indexed_to      BIGINT       NOT NULL
);
INSERT INTO event_index (indexed_to) VALUES (0);
CREATE TABLE event_counts (
    event_type      VARCHAR(200) NOT NULL,
    aggregate_type  VARCHAR(200),
    events          BIGINT       NOT NULL,
    streams         BIGINT       NOT NULL
);
CREATE TABLE event_time_blocks (
    first_position  BIGINT       NOT NULL PRIMARY KEY,
    last_position   BIGINT       NOT NULL,
    min_ts          BIGINT       NOT NULL,
    max_ts          BIGINT       NOT NULL
);
CREATE TABLE event_words (
    epoch           BIGINT       NOT NULL,
    word            VARCHAR(100) COLLATE "C" NOT NULL,
    first_position  BIGINT       NOT NULL,
    positions       BYTEA        NOT NULL,
    PRIMARY KEY (epoch, word, first_position)
);
