package io.eventscope.engine.domain;

import io.eventscope.engine.store.AppendResult;
import io.eventscope.engine.store.EventStore;
import io.eventscope.engine.store.StreamAppend;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.UnaryOperator;

/** Every command the engine handled, accepted or not, kept next to the events. */
public interface CommandJournal {

    /** Records an entry; an entry with the same command id replaces the earlier one. */
    void record(JournalEntry entry);

    /** Records entries in order, as {@link #record} would one by one; a store may write them in one go. */
    default void recordAll(List<JournalEntry> entries) {
        entries.forEach(this::record);
    }

    /**
     * Records new entries together with the events their commands produced: a journal in the
     * store's database writes both in one transaction, so a crash or a failure leaves both or
     * neither, and an entry whose command id is journaled already fails the whole. Elsewhere
     * (in memory, where a crash loses everything anyway) the journal goes first, so no reader
     * meets an event whose command is missing.
     */
    default List<AppendResult> recordWithEvents(List<JournalEntry> newEntries, EventStore store,
                                                List<StreamAppend> appends) {
        recordAll(newEntries);
        return store.appendAll(appends);
    }

    Optional<JournalEntry> byCommandId(String commandId);

    /** The commands of one correlation, oldest first. */
    List<JournalEntry> byCorrelationId(String correlationId);

    /**
     * The commands addressed to any of these streams, oldest first. This default pages through
     * the whole journal; a journal with an index answers from it.
     */
    default List<JournalEntry> byStreamIds(Set<String> streamIds) {
        List<JournalEntry> found = new ArrayList<>();
        int page = 1_000;
        for (int offset = 0; ; offset += page) {
            List<JournalEntry> entries = recent(offset, page);
            entries.stream().filter(e -> e.streamId() != null && streamIds.contains(e.streamId())).forEach(found::add);
            if (entries.size() < page) {
                Collections.reverse(found);
                return found;
            }
        }
    }

    /** A page of commands, most recent first. */
    List<JournalEntry> recent(int offset, int limit);

    long count();

    /** The entries still PENDING, oldest first. */
    List<JournalEntry> pending();

    /**
     * Records a PENDING entry and holds its command as being handled until the claim is
     * closed: meanwhile {@link #settleIfAbandoned} passes it over, in every process sharing the
     * journal. A journal with one owner process has nobody else to tell: recording is all.
     */
    default HandlingClaim handling(JournalEntry pending) {
        record(pending);
        return () -> { };
    }

    /**
     * Settles the command's PENDING entry as {@code settle} says, unless a live handler holds
     * it; with {@code waitForHandler}, waits for that handler to finish first. Returns the entry
     * as it then stands (still PENDING when a live handler holds it and nobody waited). With one
     * owner process, a PENDING entry that this process is not handling was cut short.
     */
    default Optional<JournalEntry> settleIfAbandoned(String commandId, UnaryOperator<JournalEntry> settle,
                                                     boolean waitForHandler) {
        Optional<JournalEntry> entry = byCommandId(commandId);
        if (entry.isEmpty() || entry.get().status() != CommandStatus.PENDING) {
            return entry;
        }
        JournalEntry settled = settle.apply(entry.get());
        record(settled);
        return Optional.of(settled);
    }
}
