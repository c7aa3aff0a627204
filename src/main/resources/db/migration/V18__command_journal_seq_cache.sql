-- H2 writes an identity's next value to the file every CACHE values, committing that in a
-- session of its own; with WRITE_DELAY 0 each such commit writes every page the journalling
-- transaction has changed so far. At the default of 32, storing a simulated run (thousands of
-- commands in one transaction) spent a fifth of its time there. A crash now leaves a gap of
-- up to 10,000 in seq, which only orders the journal.
ALTER TABLE command_journal ALTER COLUMN seq SET CACHE 10000;
