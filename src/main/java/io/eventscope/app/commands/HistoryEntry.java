package io.eventscope.app.commands;

import io.eventscope.engine.domain.JournalEntry;

/** One journaled command as the history table shows it; keeps the entry for "run again". */
public record HistoryEntry(String time, String commandType, String status, String reason, String correlationId,
                           int eventCount, JournalEntry entry) {
}
