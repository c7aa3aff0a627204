package io.eventscope.engine.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.eventscope.engine.event.EventEnvelope;
import io.eventscope.engine.store.Direction;
import io.eventscope.engine.store.EventFilter;
import io.eventscope.engine.store.InMemoryEventStore;
import io.eventscope.engine.store.OpenStore;
import io.eventscope.engine.store.Stores;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The round trip: export a whole store, import the file into an empty store, export again.
 * Positions are the target store's to assign; exporting a whole store writes positions
 * 1..n, which an empty store assigns again, so the two files are the same bytes.
 */
class NdjsonRoundTripTest {
    @TempDir
    Path dir;

    @Test
    void exportImportExportIsByteForByteIdentical() throws IOException {
        InMemoryEventStore original = ImportFixtures.sampleStore();
        String first = ImportFixtures.export(original, EventFilter.ALL);
        Path file = dir.resolve("store.ndjson");
        Files.writeString(file, first, StandardCharsets.UTF_8);

        InMemoryEventStore copy = new InMemoryEventStore();
        ImportReport report = NdjsonImporter.envelopes(copy).importFile(file, ImportOptions.ATOMIC, ProgressMonitor.NONE);

        assertThat(report.complete()).as(report.toString()).isTrue();
        assertThat(report.imported()).isEqualTo(30);
        String second = ImportFixtures.export(copy, EventFilter.ALL);
        assertThat(second).isEqualTo(first);
        assertThat(first).contains("\"amount\":12.50").contains("Café ☕").contains("\"causationId\":\"cmd-1\",\"tenant\":\"t1\",\"trace\":\"x1\"}");
        assertThat(first.lines()).hasSize(30);
    }

    @Test
    void theRoundTripThroughTheH2StoreIsLosslessToo() throws IOException {
        String first = ImportFixtures.export(ImportFixtures.sampleStore(), EventFilter.ALL);
        Path file = dir.resolve("store.ndjson");
        Files.writeString(file, first, StandardCharsets.UTF_8);

        try (OpenStore h2 = Stores.open(dir.resolve("copy").toString())) {
            ImportReport report = NdjsonImporter.envelopes(h2.store()).importFile(file, ImportOptions.ATOMIC, ProgressMonitor.NONE);
            assertThat(report.complete()).as(report.toString()).isTrue();
            assertThat(ImportFixtures.export(h2.store(), EventFilter.ALL)).isEqualTo(first);
        }
    }

    @Test
    void importedEventsKeepIdsTimestampsVersionsAndMetadata() throws IOException {
        InMemoryEventStore original = ImportFixtures.sampleStore();
        Path file = dir.resolve("store.ndjson");
        Files.writeString(file, ImportFixtures.export(original, EventFilter.ALL));
        InMemoryEventStore copy = new InMemoryEventStore();

        NdjsonImporter.envelopes(copy).importFile(file, ImportOptions.ATOMIC, ProgressMonitor.NONE);

        List<EventEnvelope> before = original.read(EventFilter.ALL, 1, 100, Direction.FORWARDS);
        List<EventEnvelope> after = copy.read(EventFilter.ALL, 1, 100, Direction.FORWARDS);
        assertThat(after).isEqualTo(before);
    }

    @Test
    void aStreamOrCorrelationExportImportsIntoAnEmptyStoreWithNewPositions() throws IOException {
        InMemoryEventStore original = ImportFixtures.sampleStore();
        String stream = ImportFixtures.export(original, EventFilter.stream("order-o3"));
        String correlation = ImportFixtures.export(original, EventFilter.correlation("corr-2"));
        assertThat(stream.lines()).hasSize(4).allMatch(l -> l.contains("\"streamId\":\"order-o3\""));
        assertThat(correlation.lines()).isNotEmpty().allMatch(l -> l.contains("\"correlationId\":\"corr-2\""));

        Path file = dir.resolve("stream.ndjson");
        Files.writeString(file, stream);
        InMemoryEventStore copy = new InMemoryEventStore();
        ImportReport report = NdjsonImporter.envelopes(copy).importFile(file, ImportOptions.ATOMIC, ProgressMonitor.NONE);

        assertThat(report.imported()).isEqualTo(4);
        List<EventEnvelope> imported = copy.readStream("order-o3", 1, 10, Direction.FORWARDS);
        List<EventEnvelope> stored = original.readStream("order-o3", 1, 10, Direction.FORWARDS);
        assertThat(imported).extracting(EventEnvelope::position).containsExactly(1L, 2L, 3L, 4L);
        assertThat(imported).extracting(EventEnvelope::eventId, EventEnvelope::version, EventEnvelope::timestamp,
                        EventEnvelope::data, EventEnvelope::metadata)
                .containsExactlyElementsOf(stored.stream()
                        .map(e -> tuple(e.eventId(), e.version(), e.timestamp(), e.data(), e.metadata())).toList());
    }
}
