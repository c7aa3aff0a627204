package io.eventscope.engine.io;

import io.eventscope.engine.domain.CommandJournal;
import io.eventscope.engine.domain.JournalEntry;
import io.eventscope.engine.store.EventStore;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Merges a verified case into a store: first every check (the case itself, its journal against
 * the store's journal, its events with the import's usual checks), then the events in one
 * atomic import and the journal entries the store lacks. A case that does not fit writes nothing.
 */
public final class CaseImporter {
    private final EventStore store;
    private final CommandJournal journal;

    public CaseImporter(EventStore store, CommandJournal journal) {
        this.store = store;
        this.journal = journal;
    }

    public CaseImportReport importCase(Path file, ProgressMonitor monitor) {
        VerifiedCase verified = CaseVerifier.verify(file);
        String name = file.getFileName().toString();
        List<JournalEntry> missing = new ArrayList<>();
        for (JournalEntry entry : verified.journal()) {
            Optional<JournalEntry> there = journal.byCommandId(entry.commandId());
            if (there.isEmpty()) {
                missing.add(entry);
            } else if (!there.get().equals(entry)) {
                throw new DamagedCaseException(name + ": command " + entry.commandId()
                        + " is already in the store's journal with other content");
            }
        }
        ImportReport events = importEvents(verified, monitor);
        if (!events.complete()) {
            String why = events.failure() != null ? events.failure() : events.errors().stream().limit(3)
                    .map(e -> CaseParts.EVENTS + " line " + e.line() + ": " + e.message())
                    .collect(Collectors.joining("; "));
            throw new DamagedCaseException(name + " does not fit this store, nothing was imported: " + why);
        }
        missing.forEach(journal::record);
        return new CaseImportReport(verified.file(), events.imported(), missing.size(),
                verified.journal().size() - missing.size());
    }

    private ImportReport importEvents(VerifiedCase verified, ProgressMonitor monitor) {
        try {
            Path events = Files.createTempFile("eventscope-case-", ".ndjson");
            try {
                Files.write(events, verified.events());
                return NdjsonImporter.envelopes(store).importFile(events, ImportOptions.ATOMIC, monitor);
            } finally {
                Files.deleteIfExists(events);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Could not unpack the case's events: " + e.getMessage(), e);
        }
    }
}
