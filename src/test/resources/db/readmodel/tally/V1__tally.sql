CREATE TABLE tally (
    event_type  VARCHAR(200) NOT NULL PRIMARY KEY,
    n           BIGINT       NOT NULL,
    last_pos    BIGINT       NOT NULL
);
