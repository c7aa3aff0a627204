package io.eventscope.engine.io;

import static org.assertj.core.api.Assertions.assertThat;

import io.eventscope.engine.event.EventEnvelope;
import io.eventscope.engine.store.Direction;
import io.eventscope.engine.store.EventFilter;
import io.eventscope.engine.store.OpenStore;
import io.eventscope.engine.store.StoreVerifier;
import io.eventscope.engine.store.Stores;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An import killed with kill -9 halfway through its append pass leaves whole batches behind;
 * running the same import again finishes it, skipping what is stored, and the store then holds
 * the file exactly.
 */
class KilledImportTest {
    private static final int LINES = 8_000;

    @Test
    void runningAKilledImportAgainFinishesIt(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("events.ndjson");
        List<String> lines = new ArrayList<>(LINES);
        for (int i = 1; i <= LINES; i++) {
            lines.add(ImportFixtures.line("evt-" + i, "order-" + (i % 200), 1 + (i - 1) / 200));
        }
        Files.write(file, lines);
        Path store = dir.resolve("store");

        killMidAppend(ImportingChild.start(store, file, dir.resolve("child.log")), Files.size(file));

        try (OpenStore open = Stores.open(store.toString())) {
            long left = open.store().headPosition();
            assertThat(left).as("events the killed import left").isBetween(1L, LINES - 1L);

            ImportReport again = NdjsonImporter.envelopes(open.store()).importFile(file, ImportOptions.ATOMIC,
                    ProgressMonitor.NONE);

            assertThat(again.errors()).isEmpty();
            assertThat(again.complete()).isTrue();
            assertThat(again.alreadyStored()).isEqualTo(left);
            assertThat(again.imported()).isEqualTo(LINES - left);
            assertThat(open.store().headPosition()).isEqualTo(LINES);
            List<EventEnvelope> all = open.store().read(EventFilter.ALL, 1, LINES, Direction.FORWARDS);
            assertThat(all).extracting(EventEnvelope::eventId)
                    .containsExactlyInAnyOrderElementsOf(lines.stream().map(l -> l.substring(12, l.indexOf('"', 12))).toList());
            assertThat(StoreVerifier.verify(open.store()).sound()).isTrue();
        }
    }

    /** Kills the child once its append pass (the second half of the progress) is a quarter done. */
    private static void killMidAppend(Process child, long fileSize) throws Exception {
        try (BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line = out.readLine(); line != null; line = out.readLine()) {
                long done = Long.parseLong(line.split(" ")[1]);
                if (done > fileSize + fileSize / 4) {
                    child.toHandle().destroyForcibly();
                    break;
                }
            }
        } finally {
            child.destroyForcibly();
            child.waitFor(30, TimeUnit.SECONDS);
        }
    }
}
