package io.eventscope.engine.domain;

import io.eventscope.engine.store.ReadOnlyStoreException;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** The journal of a store opened to be looked at only: reads go through, every write is refused with {@code why}. */
public final class ReadOnlyCommandJournal implements CommandJournal {
    private final CommandJournal journal;
    private final String why;

    public ReadOnlyCommandJournal(CommandJournal journal, String why) {
        this.journal = journal;
        this.why = why;
    }

    @Override
    public void record(JournalEntry entry) {
        throw new ReadOnlyStoreException(why);
    }

    @Override
    public void recordAll(List<JournalEntry> entries) {
        throw new ReadOnlyStoreException(why);
    }

    @Override
    public Optional<JournalEntry> byCommandId(String commandId) {
        return journal.byCommandId(commandId);
    }

    @Override
    public List<JournalEntry> byCorrelationId(String correlationId) {
        return journal.byCorrelationId(correlationId);
    }

    @Override
    public List<JournalEntry> byStreamIds(Set<String> streamIds) {
        return journal.byStreamIds(streamIds);
    }

    @Override
    public List<JournalEntry> recent(int offset, int limit) {
        return journal.recent(offset, limit);
    }

    @Override
    public long count() {
        return journal.count();
    }

    @Override
    public List<JournalEntry> pending() {
        return journal.pending();
    }
}
