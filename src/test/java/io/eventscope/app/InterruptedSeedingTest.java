package io.eventscope.app;

import static org.assertj.core.api.Assertions.assertThat;

import io.eventscope.engine.domain.InMemoryCommandJournal;
import io.eventscope.engine.io.ImportOptions;
import io.eventscope.engine.io.ImportReport;
import io.eventscope.engine.io.NdjsonImporter;
import io.eventscope.engine.io.ProgressMonitor;
import io.eventscope.engine.store.InMemoryEventStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A first-start seeding stopped halfway is completed on the next start, whether it stopped
 * inside an import or between an import and its journal; a finished seeding is left alone.
 */
class InterruptedSeedingTest {
    private static final Path SAMPLE = Path.of("sample-data", "shop.ndjson");
    private static final Path JOURNAL = Path.of("sample-data", "shop-commands.ndjson");
    private static final Path SAGAS = Path.of("sample-data", "sagas.ndjson");
    private static final Path SAGAS_JOURNAL = Path.of("sample-data", "sagas-commands.ndjson");

    private final BackgroundWork.Progress quiet = new BackgroundWork.Progress() {
        @Override
        public void update(long done, long total) {
        }

        @Override
        public void message(String text) {
        }

        @Override
        public boolean isCancelled() {
            return false;
        }
    };

    @Test
    void aSeedingStoppedBeforeTheJournalIsCompleted() throws Exception {
        InMemoryEventStore store = new InMemoryEventStore();
        InMemoryCommandJournal journal = new InMemoryCommandJournal();
        NdjsonImporter.envelopes(store).importFile(SAMPLE, ImportOptions.ATOMIC, ProgressMonitor.NONE);

        new StoreSeeder(SAMPLE).seedIfEmpty(store, journal, quiet);

        assertThat(journal.count()).isEqualTo(nonBlankLines(JOURNAL) + nonBlankLines(SAGAS_JOURNAL));
        assertThat(store.headPosition()).isEqualTo(nonBlankLines(SAMPLE) + nonBlankLines(SAGAS));
    }

    @Test
    void aSeedingStoppedInsideTheImportIsCompleted(@TempDir Path dir) throws Exception {
        InMemoryEventStore store = new InMemoryEventStore();
        InMemoryCommandJournal journal = new InMemoryCommandJournal();
        List<String> lines = Files.readAllLines(SAMPLE).stream().filter(l -> !l.isBlank()).toList();
        Path firstHalf = dir.resolve("half.ndjson");
        Files.write(firstHalf, lines.subList(0, lines.size() / 2));
        ImportReport half = NdjsonImporter.envelopes(store).importFile(firstHalf, ImportOptions.ATOMIC, ProgressMonitor.NONE);
        assertThat(half.complete()).isTrue();

        new StoreSeeder(SAMPLE).seedIfEmpty(store, journal, quiet);

        assertThat(store.headPosition()).isEqualTo(lines.size() + nonBlankLines(SAGAS));
        assertThat(journal.count()).isEqualTo(nonBlankLines(JOURNAL) + nonBlankLines(SAGAS_JOURNAL));
    }

    @Test
    void aSeedingStoppedBeforeTheSagasIsCompleted() throws Exception {
        InMemoryEventStore store = new InMemoryEventStore();
        InMemoryCommandJournal journal = new InMemoryCommandJournal();
        new StoreSeeder(SAMPLE).seedIfEmpty(store, journal, quiet);
        InMemoryEventStore shopOnly = new InMemoryEventStore();
        InMemoryCommandJournal shopJournal = new InMemoryCommandJournal();
        NdjsonImporter.envelopes(shopOnly).importFile(SAMPLE, ImportOptions.ATOMIC, ProgressMonitor.NONE);
        journal.recent(0, Integer.MAX_VALUE).stream()
                .filter(e -> !e.commandId().startsWith("sim-"))
                .forEach(shopJournal::record);

        new StoreSeeder(SAMPLE).seedIfEmpty(shopOnly, shopJournal, quiet);

        assertThat(shopOnly.headPosition()).isEqualTo(store.headPosition());
        assertThat(shopJournal.count()).isEqualTo(journal.count());
    }

    @Test
    void aFinishedSeedingIsLeftAlone() throws Exception {
        InMemoryEventStore store = new InMemoryEventStore();
        InMemoryCommandJournal journal = new InMemoryCommandJournal();
        new StoreSeeder(SAMPLE).seedIfEmpty(store, journal, quiet);
        long head = store.headPosition();

        new StoreSeeder(SAMPLE).seedIfEmpty(store, journal, quiet);

        assertThat(store.headPosition()).isEqualTo(head);
        assertThat(journal.count()).isEqualTo(nonBlankLines(JOURNAL) + nonBlankLines(SAGAS_JOURNAL));
    }

    private static long nonBlankLines(Path file) throws Exception {
        return Files.readAllLines(file).stream().filter(l -> !l.isBlank()).count();
    }
}
