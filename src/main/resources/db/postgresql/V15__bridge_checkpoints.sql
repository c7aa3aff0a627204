-- The PostgreSQL twin of db/migration/V15__bridge_checkpoints.sql.
CREATE TABLE bridge_checkpoints (
    bridge          VARCHAR(400) NOT NULL PRIMARY KEY,
    position        BIGINT       NOT NULL
);
