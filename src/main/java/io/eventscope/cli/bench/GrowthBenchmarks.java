package io.eventscope.cli.bench;

import io.eventscope.engine.event.NewEvent;
import io.eventscope.engine.store.EventStore;
import io.eventscope.engine.store.ExpectedVersion;
import io.eventscope.engine.store.OpenStore;
import io.eventscope.engine.store.Stores;
import io.eventscope.engine.store.StreamAppend;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.util.List;

/**
 * How big an H2 file grows under durable single appends: bytes per event after min(100,000, N)
 * single appends into a new store, while it is open and after it is closed, against the same
 * events appended in batches of 1,000 into another new store and compacted by H2's
 * {@code SHUTDOWN COMPACT}.
 */
public final class GrowthBenchmarks {
    private static final int MAX_EVENTS = 100_000;
    private static final int ORDERS_PER_BATCH = 1_000 / ShopLikeEvents.EVENTS_PER_ORDER;

    private GrowthBenchmarks() {
    }

    public static List<Figure> storeGrowth(BenchContext ctx) throws Exception {
        if (ctx.onPostgres()) {
            return List.of(Figure.skipped("store-growth", "measures H2 files; a PostgreSQL server keeps its own files"));
        }
        int orders = (int) Math.min(MAX_EVENTS, ctx.events()) / ShopLikeEvents.EVENTS_PER_ORDER;
        List<StreamAppend> appends = ShopLikeEvents.orders(0, orders);
        long events = (long) orders * ShopLikeEvents.EVENTS_PER_ORDER;

        Path single = ctx.dir().resolve("growth-single");
        long nanos;
        long openBytes;
        try (OpenStore open = Stores.open(single.toString())) {
            EventStore store = open.store();
            long t0 = System.nanoTime();
            for (StreamAppend a : appends) {
                for (NewEvent e : a.events()) {
                    store.append(a.streamId(), ExpectedVersion.ANY, List.of(e));
                }
            }
            nanos = System.nanoTime() - t0;
            FilterBenchmarks.indexed(store); // both files hold the filter index of every whole block
            openBytes = fileSize(single);
        }
        long closedBytes = fileSize(single);

        Path batched = ctx.dir().resolve("growth-batched");
        try (OpenStore open = Stores.open(batched.toString())) {
            for (int from = 0; from < appends.size(); from += ORDERS_PER_BATCH) {
                open.store().appendAll(appends.subList(from, Math.min(appends.size(), from + ORDERS_PER_BATCH)));
            }
            FilterBenchmarks.indexed(open.store());
            try (Connection c = open.database().connection(); Statement s = c.createStatement()) {
                s.execute("SHUTDOWN COMPACT");
            }
        }
        double batchedPerEvent = fileSize(batched) / (double) events;
        Files.deleteIfExists(file(single));
        Files.deleteIfExists(file(batched));
        return List.of(
                Figure.of("store-growth-append-single", events / (nanos / 1e9), "events/s"),
                Figure.against("store-growth", openBytes / (double) events, batchedPerEvent, "bytes/event"),
                Figure.against("store-growth-closed", closedBytes / (double) events, batchedPerEvent, "bytes/event"));
    }

    private static Path file(Path store) {
        return Path.of(store + ".mv.db");
    }

    private static long fileSize(Path store) throws IOException {
        return Files.size(file(store));
    }
}
