package io.eventscope.engine.io;

import static io.eventscope.engine.io.ImportFixtures.line;
import static org.assertj.core.api.Assertions.assertThat;

import io.eventscope.engine.event.Json;
import io.eventscope.engine.event.Metadata;
import io.eventscope.engine.event.NewEvent;
import io.eventscope.engine.store.ExpectedVersion;
import io.eventscope.engine.store.OpenStore;
import io.eventscope.engine.store.Stores;
import io.eventscope.engine.store.StreamAppend;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * On a non-empty store the importer looks the file's ids up in the store in batches instead of
 * loading every stored id; ids already stored with other content are refused, each with its position.
 */
class ImportStoredIdsTest {
    private static final int STORED = 12_000;

    @TempDir
    Path dir;

    @Test
    void idsAlreadyStoredAnywhereInALargeStoreAreRefusedWithTheirPositions() throws IOException {
        try (OpenStore open = Stores.open("jdbc:h2:mem:import-ids-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1")) {
            List<StreamAppend> appends = new ArrayList<>();
            for (int i = 1; i <= STORED; i++) {
                appends.add(new StreamAppend("stored-" + i, ExpectedVersion.NO_STREAM, List.of(
                        new NewEvent("evt-" + i, "Stored", null, null, 1, null, Json.object(), Metadata.EMPTY))));
            }
            open.store().appendAll(appends);
            // Over two lookup pages of lines, with stored ids early, late and in the second page.
            List<String> lines = new ArrayList<>();
            for (int i = 1; i <= 7_000; i++) {
                String id = i == 3 ? "evt-1" : i == 4_999 ? "evt-11999" : i == 6_500 ? "evt-6000" : "n" + i;
                lines.add(line(id, "order-new-" + i, 1));
            }
            lines.add(line("n2", "order-other", 1));
            Path file = dir.resolve("events.ndjson");
            Files.write(file, lines);

            ImportReport report = NdjsonImporter.envelopes(open.store()).importFile(file, ImportOptions.ATOMIC,
                    ProgressMonitor.NONE);

            assertThat(report.errors()).extracting(LineError::toString).containsExactly(
                    "line 3: event id 'evt-1' is already stored, at position 1, stored in stream 'stored-1', not 'order-new-3'",
                    "line 4999: event id 'evt-11999' is already stored, at position 11999, stored in stream"
                            + " 'stored-11999', not 'order-new-4999'",
                    "line 6500: event id 'evt-6000' is already stored, at position 6000, stored in stream"
                            + " 'stored-6000', not 'order-new-6500'",
                    "line 7001: event id 'n2' is already used on line 2");
            assertThat(report.imported()).isZero();
            assertThat(open.store().headPosition()).isEqualTo(STORED);
        }
    }
}
