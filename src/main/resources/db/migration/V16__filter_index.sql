-- The filter index: counters, time spans and words of the events up to indexed_to. It trails
-- the log: a background indexer of the store writes it in batches of whole blocks of 512
-- positions, in one transaction with the new indexed_to, so appends never write it. Readers
-- use it up to indexed_to and read the few events after it (see FilterIndexer). A store
-- migrated here starts at 0 and is indexed in the background.
CREATE TABLE event_index (
    indexed_to      BIGINT       NOT NULL
);
INSERT INTO event_index (indexed_to) VALUES (0);
-- Events per event type and aggregate type, and how many of them open a stream (version 1).
CREATE TABLE event_counts (
    event_type      VARCHAR(200) NOT NULL,
    aggregate_type  VARCHAR(200),
    events          BIGINT       NOT NULL,
    streams         BIGINT       NOT NULL
);
-- The earliest and latest timestamp of each block: a time window takes whole blocks without
-- looking at their events, and reads only the few blocks its bounds fall into.
CREATE TABLE event_time_blocks (
    first_position  BIGINT       NOT NULL PRIMARY KEY,
    last_position   BIGINT       NOT NULL,
    min_ts          TIMESTAMP(9) WITH TIME ZONE NOT NULL,
    max_ts          TIMESTAMP(9) WITH TIME ZONE NOT NULL
);
-- The text index: which events of a block hold each word (see TextWords): positions lists the
-- offsets from first_position, two bytes each, or is a 64-byte bitmap (BlockBitmap). Rows are grouped by
-- epoch (4,096 positions) before the word, so a batch writes the pages of one epoch, not pages
-- all over the index; a search looks its words up in each epoch.
CREATE TABLE event_words (
    epoch           BIGINT       NOT NULL,
    word            VARCHAR(100) NOT NULL,
    first_position  BIGINT       NOT NULL,
    positions       VARBINARY(64) NOT NULL,
    PRIMARY KEY (epoch, word, first_position)
);
