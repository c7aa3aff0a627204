-- The text index: which events hold each word (see TextWords), as bitmaps. A row says that
-- position first_position + i holds the word for every bit i set in positions. Rows cover
-- aligned blocks of 64 positions, cut at the first position of the append transaction that
-- wrote them, so a transaction only inserts rows; a word repeated by the events of a block
-- (a customer, a currency) costs one row, not one per event. Rows are grouped by epoch (4,096
-- positions) before the word, so an append touches the pages of the current epoch only, not
-- pages all over the index; a search looks its words up in each epoch.
CREATE TABLE event_words (
    epoch           BIGINT       NOT NULL,
    word            VARCHAR(100) NOT NULL,
    first_position  BIGINT       NOT NULL,
    positions       BIGINT       NOT NULL,
    PRIMARY KEY (epoch, word, first_position)
);
-- Events stored before this index existed: the store indexes them when it opens, a chunk per
-- commit, moving next_position on, so an interrupted indexing resumes.
CREATE TABLE event_words_backlog (
    next_position   BIGINT       NOT NULL,
    last_position   BIGINT       NOT NULL
);
INSERT INTO event_words_backlog (next_position, last_position) SELECT 1, COALESCE(MAX(position), 0) FROM events;
