package io.eventscope.engine.domain;

import java.util.List;
import java.util.Optional;

/** Every command the engine handled, accepted or not, kept next to the events. */
public interface CommandJournal {

    /** Records an entry; an entry with the same command id replaces the earlier one. */
    void record(JournalEntry entry);

    /** Records entries in order, as {@link #record} would one by one; a store may write them in one go. */
    default void recordAll(List<JournalEntry> entries) {
        entries.forEach(this::record);
    }

    Optional<JournalEntry> byCommandId(String commandId);

    /** The commands of one correlation, oldest first. */
    List<JournalEntry> byCorrelationId(String correlationId);

    /** A page of commands, most recent first. */
    List<JournalEntry> recent(int offset, int limit);

    long count();

    /** The entries still PENDING, oldest first. */
    List<JournalEntry> pending();
}
