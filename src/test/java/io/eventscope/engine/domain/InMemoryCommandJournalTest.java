package io.eventscope.engine.domain;

class InMemoryCommandJournalTest extends CommandJournalContract {
    private final CommandJournal journal = new InMemoryCommandJournal();

    @Override
    protected CommandJournal journal() {
        return journal;
    }
}
