-- The PostgreSQL twin of db/migration/V17__event_words.sql. Words compare by code point
-- (COLLATE "C") so that a prefix is a range of the primary key, as in H2.
CREATE TABLE event_words (
    epoch           BIGINT       NOT NULL,
    word            VARCHAR(100) COLLATE "C" NOT NULL,
    first_position  BIGINT       NOT NULL,
    positions       BIGINT       NOT NULL,
    PRIMARY KEY (epoch, word, first_position)
);
CREATE TABLE event_words_backlog (
    next_position   BIGINT       NOT NULL,
    last_position   BIGINT       NOT NULL
);
INSERT INTO event_words_backlog (next_position, last_position) SELECT 1, COALESCE(MAX(position), 0) FROM events;
