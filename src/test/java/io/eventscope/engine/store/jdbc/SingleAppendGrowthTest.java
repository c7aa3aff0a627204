package io.eventscope.engine.store.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import io.eventscope.engine.event.EventEnvelope;
import io.eventscope.engine.event.NewEvent;
import io.eventscope.engine.store.AppendingChild;
import io.eventscope.engine.store.Direction;
import io.eventscope.engine.store.EventFilter;
import io.eventscope.engine.store.EventStore;
import io.eventscope.engine.store.ExpectedVersion;
import io.eventscope.engine.store.OpenStore;
import io.eventscope.engine.store.StoreVerifier;
import io.eventscope.engine.store.Stores;
import io.eventscope.engine.store.StreamAppend;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A soak (not timed) of the bound: a file written by single appends, one commit each,
 * is at most 3x the same events appended in batches of 1,000 and compacted by H2's SHUTDOWN
 * COMPACT, while the store is open, after it is closed, and after the process is killed with
 * kill -9, which loses no acknowledged append. Without housekeeping the file is over a hundred
 * times the batched one. Events carry random ids (as an application's UUIDs), which land all
 * over the indexes: the case that leaves the most sparse chunks behind.
 */
class SingleAppendGrowthTest {
    private static final int EVENTS = 4_000;
    private static final int MAX_GROWTH = 3;

    @Test
    void aKilledProcessLeavesEveryAcknowledgedAppendAVerifiedStoreAndABoundedFile(@TempDir Path dir) throws Exception {
        Path single = dir.resolve("single");
        List<Long> acked = appendSinglyUntilKilled(single, dir.resolve("child.log"));
        long killedBytes = fileSize(single);

        List<EventEnvelope> events;
        try (OpenStore reopened = Stores.open(single.toString())) {
            long head = reopened.store().headPosition();
            assertThat(head).isGreaterThanOrEqualTo(acked.get(acked.size() - 1));
            events = reopened.store().read(EventFilter.ALL, 1, (int) head, Direction.FORWARDS);
            assertThat(events).extracting(EventEnvelope::position).containsAll(acked);
            assertThat(StoreVerifier.verify(reopened.store()).sound()).isTrue();
        }
        long batchedBytes = batchedAndCompacted(dir.resolve("batched"), events);

        assertThat(killedBytes).as("file after %d single appends and kill -9 vs %d bytes batched and compacted",
                events.size(), batchedBytes).isLessThanOrEqualTo(MAX_GROWTH * batchedBytes);
    }

    @Test
    void theFileStaysBoundedWhileTheStoreIsOpenAndAfterItIsClosed(@TempDir Path dir) throws Exception {
        Path single = dir.resolve("single");
        long openBytes;
        List<EventEnvelope> events;
        try (OpenStore open = Stores.open(single.toString())) {
            for (long i = 1; i <= EVENTS; i++) {
                open.store().append("ticks-" + i % 7, ExpectedVersion.ANY, List.of(AppendingChild.tick(i, 0)));
            }
            indexed(open.store());
            openBytes = fileSize(single);
            events = open.store().read(EventFilter.ALL, 1, EVENTS, Direction.FORWARDS);
        }
        long closedBytes = fileSize(single);
        long batchedBytes = batchedAndCompacted(dir.resolve("batched"), events);

        assertThat(openBytes).as("open file after %d single appends vs %d bytes batched and compacted", EVENTS,
                batchedBytes).isLessThanOrEqualTo(MAX_GROWTH * batchedBytes);
        assertThat(closedBytes).as("closed file vs %d bytes batched and compacted", batchedBytes)
                .isLessThanOrEqualTo(MAX_GROWTH * batchedBytes);
    }

    private static List<Long> appendSinglyUntilKilled(Path store, Path log) throws Exception {
        Process child = AppendingChild.start(store, log, AppendingChild.SINGLE);
        List<Long> acked = new ArrayList<>();
        try (BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line = out.readLine(); line != null; line = out.readLine()) {
                acked.add(Long.parseLong(line.substring("acked ".length())));
                if (acked.size() == EVENTS) {
                    // kill -9 through the handle: acks already written are still read from the pipe
                    child.toHandle().destroyForcibly();
                }
            }
        } finally {
            child.destroyForcibly();
            child.waitFor(30, TimeUnit.SECONDS);
        }
        assertThat(acked).as("acks; child log: %s", Files.readString(log)).hasSizeGreaterThanOrEqualTo(EVENTS);
        return acked;
    }

    private static long batchedAndCompacted(Path store, List<EventEnvelope> events) throws Exception {
        try (OpenStore open = Stores.open(store.toString())) {
            for (int from = 0; from < events.size(); from += 1_000) {
                List<StreamAppend> batch = new ArrayList<>();
                for (EventEnvelope e : events.subList(from, Math.min(events.size(), from + 1_000))) {
                    batch.add(new StreamAppend(e.streamId(), ExpectedVersion.ANY, List.of(new NewEvent(e.eventId(),
                            e.eventType(), e.aggregateType(), e.aggregateId(), e.schemaVersion(), e.timestamp(), e.data(),
                            e.metadata()))));
                }
                open.store().appendAll(batch);
            }
            indexed(open.store());
            try (Connection c = open.database().connection(); Statement s = c.createStatement()) {
                s.execute("SHUTDOWN COMPACT");
            }
        }
        return fileSize(store);
    }

    /**
     * Waits until the store's filter index holds every whole block, so that both files compared
     * hold the same index (it trails the appends by a moment, more or less far at each run).
     */
    private static void indexed(EventStore store) throws InterruptedException {
        assertThat(((JdbcEventStore) store).awaitFilterIndex(Duration.ofMinutes(1))).as("filter index caught up").isTrue();
    }

    private static long fileSize(Path store) throws Exception {
        return Files.size(Path.of(store + ".mv.db"));
    }
}
