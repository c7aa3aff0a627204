package io.eventscope.engine.domain;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The journal of an in-memory store: lost with it. */
public final class InMemoryCommandJournal implements CommandJournal {
    private final Map<String, JournalEntry> entries = new LinkedHashMap<>();

    /** Settles an entry in place (a LinkedHashMap keeps a key's first position), so order is arrival order. */
    @Override
    public synchronized void record(JournalEntry entry) {
        entries.put(entry.commandId(), entry);
    }

    @Override
    public synchronized Optional<JournalEntry> byCommandId(String commandId) {
        return Optional.ofNullable(entries.get(commandId));
    }

    @Override
    public synchronized List<JournalEntry> byCorrelationId(String correlationId) {
        return entries.values().stream()
                .filter(e -> correlationId.equals(e.command().correlationId()))
                .toList();
    }

    @Override
    public synchronized List<JournalEntry> recent(int offset, int limit) {
        List<JournalEntry> all = new ArrayList<>(entries.values());
        List<JournalEntry> page = new ArrayList<>(Math.min(limit, all.size()));
        for (int i = all.size() - 1 - offset; i >= 0 && page.size() < limit; i--) {
            page.add(all.get(i));
        }
        return page;
    }

    @Override
    public synchronized long count() {
        return entries.size();
    }

    @Override
    public synchronized List<JournalEntry> pending() {
        return entries.values().stream().filter(e -> e.status() == CommandStatus.PENDING).toList();
    }
}
