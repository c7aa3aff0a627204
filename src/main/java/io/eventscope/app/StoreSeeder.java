package io.eventscope.app;

import io.eventscope.engine.domain.CommandJournal;
import io.eventscope.engine.domain.JournalEntry;
import io.eventscope.engine.event.Json;
import io.eventscope.engine.io.ImportOptions;
import io.eventscope.engine.io.ImportReport;
import io.eventscope.engine.io.NdjsonImporter;
import io.eventscope.engine.io.ProgressMonitor;
import io.eventscope.engine.store.EventStore;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Fills the default store on its first start, so a newcomer meets a living shop: when the
 * store is empty and the sample file exists, its events are imported, and the command journal
 * beside it ({@code shop-commands.ndjson}, one journal entry per line) is recorded, so the
 * rejected commands show at the roots of their causation trees.
 *
 * <p>A seeding stopped halfway (the window closed during an import, or between an import and
 * its journal) is completed on the next start: a store which holds the sample's first event
 * but whose journal lacks the last command seeding records is seeded again; the import skips the events already stored
 * and the journal skips the commands already recorded.
 */
public final class StoreSeeder {
    private static final Logger LOG = LoggerFactory.getLogger(StoreSeeder.class);

    private static final String JOURNAL_FILE = "shop-commands.ndjson";
    /** The seeded saga simulation (made by SagaSampleGenerator), loaded after the shop when present. */
    private static final String SAGAS_FILE = "sagas.ndjson";
    private static final String SAGAS_JOURNAL_FILE = "sagas-commands.ndjson";

    private final Path sampleFile;

    public StoreSeeder(Path sampleFile) {
        this.sampleFile = sampleFile;
    }

    public void seedIfEmpty(EventStore store, CommandJournal journal, BackgroundWork.Progress progress)
            throws IOException {
        if (!Files.isRegularFile(sampleFile)) {
            if (store.headPosition() == 0) {
                LOG.info("No sample data at {}; the default store starts empty", sampleFile.toAbsolutePath());
            }
            return;
        }
        if (store.headPosition() > 0 && !(holdsFirstSampleEvent(store) && !lastCommandRecorded(journal))) {
            return;
        }
        importEvents(sampleFile, store, progress);
        Path journalFile = sampleFile.resolveSibling(JOURNAL_FILE);
        if (Files.isRegularFile(journalFile)) {
            LOG.info("Recorded {} journaled commands from {}", recordJournal(journalFile, journal), journalFile);
        }
        Path sagas = sampleFile.resolveSibling(SAGAS_FILE);
        if (Files.isRegularFile(sagas)) {
            importEvents(sagas, store, progress);
            Path sagasJournal = sampleFile.resolveSibling(SAGAS_JOURNAL_FILE);
            if (Files.isRegularFile(sagasJournal)) {
                LOG.info("Recorded {} journaled commands from {}", recordJournal(sagasJournal, journal), sagasJournal);
            }
        }
    }

    private static void importEvents(Path file, EventStore store, BackgroundWork.Progress progress) {
        progress.message("Importing sample data " + file.getFileName());
        ImportReport report = NdjsonImporter.envelopes(store).importFile(file, ImportOptions.ATOMIC,
                new ProgressMonitor() {
                    @Override
                    public void progress(long done, long total) {
                        progress.update(done, total);
                    }

                    @Override
                    public boolean isCancelled() {
                        return progress.isCancelled();
                    }
                });
        if (!report.complete()) {
            throw new IllegalStateException("Sample data " + file + " was not imported: "
                    + (report.failure() != null ? report.failure()
                    : report.rejected() + " bad line(s), first: " + report.errors().get(0)));
        }
        LOG.info("Seeded the default store with {} events from {}", report.imported(), file);
    }

    /** Whether the last command seeding records (the last line of the last journal file) is in the journal. */
    private boolean lastCommandRecorded(CommandJournal journal) throws IOException {
        for (String name : List.of(SAGAS_JOURNAL_FILE, JOURNAL_FILE)) {
            Path file = sampleFile.resolveSibling(name);
            if (Files.isRegularFile(file)) {
                List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8).stream()
                        .filter(l -> !l.isBlank()).toList();
                if (!lines.isEmpty()) {
                    String id = Json.MAPPER.readTree(lines.get(lines.size() - 1)).path("command").path("commandId").asText();
                    return journal.byCommandId(id).isPresent();
                }
            }
        }
        return true;
    }

    private boolean holdsFirstSampleEvent(EventStore store) throws IOException {
        try (BufferedReader lines = Files.newBufferedReader(sampleFile, StandardCharsets.UTF_8)) {
            for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                if (!line.isBlank()) {
                    String id = Json.MAPPER.readTree(line).path("eventId").asText();
                    return !store.positionsOf(List.of(id)).isEmpty();
                }
            }
        }
        return false;
    }

    private static long recordJournal(Path file, CommandJournal journal) throws IOException {
        long count = 0;
        try (BufferedReader lines = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                if (!line.isBlank()) {
                    count++;
                    try {
                        JournalEntry entry = Json.MAPPER.readValue(line, JournalEntry.class);
                        if (journal.byCommandId(entry.commandId()).isEmpty()) {
                            journal.record(entry);
                        }
                    } catch (IOException e) {
                        throw new IOException(file + " line " + count + ": not a journal entry: " + e.getMessage(), e);
                    }
                }
            }
        }
        return count;
    }
}
