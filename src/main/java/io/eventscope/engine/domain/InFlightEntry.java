package io.eventscope.engine.domain;

/**
 * The PENDING journal entry of the command a handler is on: the first record claims it as
 * being handled ({@link CommandJournal#handling}), a retry's record updates it under the same
 * claim, and closing, once the outcome is journaled, lets the claim go.
 */
final class InFlightEntry implements AutoCloseable {
    private final CommandJournal journal;
    private HandlingClaim claim;

    InFlightEntry(CommandJournal journal) {
        this.journal = journal;
    }

    void record(JournalEntry pending) {
        if (claim == null) {
            claim = journal.handling(pending);
        } else {
            journal.record(pending);
        }
    }

    @Override
    public void close() {
        if (claim != null) {
            claim.close();
        }
    }
}
