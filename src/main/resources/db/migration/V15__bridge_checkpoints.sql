-- How far a bridge has carried the log out: the last position the broker confirmed, per
-- bridge (broker address without credentials, and exchange). A re-run resumes after it.
CREATE TABLE bridge_checkpoints (
    bridge          VARCHAR(400) NOT NULL PRIMARY KEY,
    position        BIGINT       NOT NULL
);
