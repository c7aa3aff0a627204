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
 * inside the import or between the import and the journal; a finished seeding is left alone.
 */
class InterruptedSeedingTest {
    private static final Path SAMPLE = Path.of("sample-data", "shop.ndjson");
    private static final Path JOURNAL = Path.of("sample-data", "shop-commands.ndjson");

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

        assertThat(journal.count()).isEqualTo(nonBlankLines(JOURNAL));
        assertThat(store.headPosition()).isEqualTo(nonBlankLines(SAMPLE));
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

        assertThat(store.headPosition()).isEqualTo(lines.size());
        assertThat(journal.count()).isEqualTo(nonBlankLines(JOURNAL));
    }

    @Test
    void aFinishedSeedingIsLeftAlone() throws Exception {
        InMemoryEventStore store = new InMemoryEventStore();
        InMemoryCommandJournal journal = new InMemoryCommandJournal();
        new StoreSeeder(SAMPLE).seedIfEmpty(store, journal, quiet);
        long head = store.headPosition();

        new StoreSeeder(SAMPLE).seedIfEmpty(store, journal, quiet);

        assertThat(store.headPosition()).isEqualTo(head);
        assertThat(journal.count()).isEqualTo(nonBlankLines(JOURNAL));
    }

    private static long nonBlankLines(Path file) throws Exception {
        return Files.readAllLines(file).stream().filter(l -> !l.isBlank()).count();
    }
}
