package io.eventscope.cli.bench;

import io.eventscope.engine.store.LogPages;
import io.eventscope.engine.event.EventEnvelope;
import io.eventscope.engine.event.NewEvent;
import io.eventscope.engine.store.Direction;
import io.eventscope.engine.store.EventFilter;
import io.eventscope.engine.store.EventStore;
import io.eventscope.engine.store.ExpectedVersion;
import io.eventscope.engine.store.InMemoryEventStore;
import io.eventscope.engine.store.StreamAppend;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.function.Supplier;

/**
 * The event store's figures. Store and baseline run interleaved, chunk by chunk, so both
 * meet the same file sizes, caches and JIT state.
 */
public final class StoreBenchmarks {
    /** Ten orders of ten events: one appendAll of 100 events. */
    private static final int ORDERS_PER_BATCH = 10;
    private static final int BATCHES_PER_CHUNK = 100;
    private static final int SINGLE_APPENDS = 10_000;
    private static final int PAGE = 10_000;
    private static final int LOOKUPS = 2_000;
    private static final int WARM_UP_LOOKUPS = 300;

    private StoreBenchmarks() {
    }

    /** Loads the store in batches of 100 events; the baseline inserts the same rows in JDBC batches of 100. */
    public static List<Figure> appendBatch100(BenchContext ctx) throws Exception {
        EventStore store = ctx.store().store();
        long orders = Math.max(ORDERS_PER_BATCH, ctx.events() / ShopLikeEvents.EVENTS_PER_ORDER);
        long storeNanos = 0;
        long rawNanos = 0;
        long written = 0;
        try (Connection raw = ctx.raw().connection()) {
            for (long first = 0; first < orders; first += ORDERS_PER_BATCH * BATCHES_PER_CHUNK) {
                int count = (int) Math.min(ORDERS_PER_BATCH * BATCHES_PER_CHUNK, orders - first);
                List<List<StreamAppend>> batches = chunk(ShopLikeEvents.orders(first, count), ORDERS_PER_BATCH);
                List<List<RawJdbc.Row>> rows = new ArrayList<>();
                long position = written + 1;
                for (List<StreamAppend> batch : batches) {
                    rows.add(RawJdbc.rows(batch, position));
                    position += rows.get(rows.size() - 1).size();
                }

                long t0 = System.nanoTime();
                for (List<RawJdbc.Row> batch : rows) {
                    RawJdbc.insert(ctx.raw(), raw, batch);
                }
                long t1 = System.nanoTime();
                for (List<StreamAppend> batch : batches) {
                    store.appendAll(batch);
                }
                long t2 = System.nanoTime();
                rawNanos += t1 - t0;
                storeNanos += t2 - t1;
                written = position - 1;
            }
        }
        ctx.addLoadedOrders(orders);
        return List.of(Figure.against("append-batch100", perSecond(written, storeNanos), perSecond(written, rawNanos),
                "events/s"));
    }

    /**
     * One event per durable append, one writer; the baseline commits each row on its own.
     * Interleaved by orders, so both run under the same load (the machine's, and each file's).
     */
    public static List<Figure> appendSingle(BenchContext ctx) throws Exception {
        EventStore store = ctx.store().store();
        int orders = (int) Math.min(SINGLE_APPENDS, ctx.events()) / ShopLikeEvents.EVENTS_PER_ORDER;
        List<StreamAppend> appends = ShopLikeEvents.orders(ctx.loadedOrders(), orders);
        List<RawJdbc.Row> rows = RawJdbc.rows(appends, rawHead(ctx) + 1);
        long storeNanos = 0;
        long rawNanos = 0;
        try (Connection raw = ctx.raw().connection()) {
            for (int order = 0; order < orders; order++) {
                int first = order * ShopLikeEvents.EVENTS_PER_ORDER;
                long t0 = System.nanoTime();
                RawJdbc.insertEach(ctx.raw(), raw, rows.subList(first, first + ShopLikeEvents.EVENTS_PER_ORDER));
                long t1 = System.nanoTime();
                StreamAppend a = appends.get(order);
                for (NewEvent e : a.events()) {
                    store.append(a.streamId(), ExpectedVersion.ANY, List.of(e));
                }
                rawNanos += t1 - t0;
                storeNanos += System.nanoTime() - t1;
            }
        }
        ctx.addLoadedOrders(orders);
        return List.of(Figure.against("append-single", perSecond(rows.size(), storeNanos), perSecond(rows.size(), rawNanos),
                "events/s"));
    }

    private static final int REPLAY_ROUNDS = 7;

    /**
     * Reads the whole loaded store page by page into envelopes (JSON parsed); the baseline reads
     * the same pages of the same table; alternately, the best of {@link #REPLAY_ROUNDS} rounds each
     * (a round of 200,000 events takes under a second; with two, runs varied from 0.7x to 1.3x).
     * Both wait for the filter index to catch up with the load first: its indexer would
     * otherwise take the second core that the replay reads ahead on.
     */
    public static List<Figure> replay(BenchContext ctx) throws Exception {
        EventStore store = FilterBenchmarks.indexed(ctx.store().store());
        long best = Long.MAX_VALUE;
        long bestRaw = Long.MAX_VALUE;
        long events = 0;
        for (int round = 0; round < REPLAY_ROUNDS; round++) {
            long t0 = System.nanoTime();
            try (Connection c = ctx.store().database().connection()) {
                events = RawJdbc.scan(c, PAGE);
            }
            long t1 = System.nanoTime();
            long read = readAll(store);
            long t2 = System.nanoTime();
            if (read != events) {
                throw new IllegalStateException("replay read " + read + " events, the table holds " + events);
            }
            bestRaw = Math.min(bestRaw, t1 - t0);
            best = Math.min(best, t2 - t1);
        }
        return List.of(Figure.against("replay", perSecond(events, best), perSecond(events, bestRaw), "events/s"));
    }

    /** Median and p99 latency of looking up one order's events by correlation, and one event by causation. */
    public static List<Figure> lookups(BenchContext ctx) {
        EventStore store = ctx.store().store();
        long orders = ctx.loadedOrders();
        Random random = new Random(42);
        return List.of(
                latency("lookup-correlation", store, () -> EventFilter.correlation(
                        ShopLikeEvents.correlationId(nextLong(random, orders))), ShopLikeEvents.EVENTS_PER_ORDER),
                latency("lookup-causation", store, () -> EventFilter.causation(
                        ShopLikeEvents.eventId(nextLong(random, orders), 1 + random.nextInt(8))), 1));
    }

    /** The in-memory store: appends in batches of 100 events, then a read of everything. */
    public static List<Figure> memory(BenchContext ctx) {
        long orders = Math.max(ORDERS_PER_BATCH, ctx.events() / ShopLikeEvents.EVENTS_PER_ORDER);
        fillMemory(Math.min(orders, 10_000)); // warms the JIT
        InMemoryEventStore store = new InMemoryEventStore();
        long nanos = 0;
        for (long first = 0; first < orders; first += ORDERS_PER_BATCH * BATCHES_PER_CHUNK) {
            int count = (int) Math.min(ORDERS_PER_BATCH * BATCHES_PER_CHUNK, orders - first);
            List<List<StreamAppend>> batches = chunk(ShopLikeEvents.orders(first, count), ORDERS_PER_BATCH);
            long t0 = System.nanoTime();
            for (List<StreamAppend> batch : batches) {
                store.appendAll(batch);
            }
            nanos += System.nanoTime() - t0;
        }
        long events = store.headPosition();
        long t0 = System.nanoTime();
        long read = readAll(store);
        long readNanos = System.nanoTime() - t0;
        store.close();
        return List.of(Figure.of("memory-append", perSecond(events, nanos), "events/s"),
                Figure.of("memory-read", perSecond(read, readNanos), "events/s"));
    }

    private static void fillMemory(long orders) {
        try (InMemoryEventStore store = new InMemoryEventStore()) {
            chunk(ShopLikeEvents.orders(0, (int) orders), ORDERS_PER_BATCH).forEach(store::appendAll);
            readAll(store);
        }
    }

    private static Figure latency(String name, EventStore store, Supplier<EventFilter> filters,
                                  int expected) {
        double[] millis = new double[LOOKUPS];
        for (int i = -WARM_UP_LOOKUPS; i < LOOKUPS; i++) {
            EventFilter filter = filters.get();
            long t0 = System.nanoTime();
            List<EventEnvelope> found = store.read(filter, 1, 100, Direction.FORWARDS);
            long t1 = System.nanoTime();
            if (found.size() != expected) {
                throw new IllegalStateException(name + " found " + found.size() + " events for " + filter
                        + ", expected " + expected);
            }
            if (i >= 0) {
                millis[i] = (t1 - t0) / 1e6;
            }
        }
        Arrays.sort(millis);
        return Figure.latency(name, millis[LOOKUPS / 2], millis[(int) (LOOKUPS * 0.99)]);
    }

    /** What {@code replay} times: every event, page by page, as envelopes with their JSON parsed. */
    static long readAll(EventStore store) {
        long[] read = {0};
        LogPages.forEach(store, EventFilter.ALL, 1, PAGE, page -> {
            read[0] += page.size();
            return true;
        });
        return read[0];
    }

    static long rawHead(BenchContext ctx) throws Exception {
        try (Connection c = ctx.raw().connection();
             Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT COALESCE(MAX(position), 0) FROM events")) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static <T> List<List<T>> chunk(List<T> items, int size) {
        List<List<T>> out = new ArrayList<>();
        for (int i = 0; i < items.size(); i += size) {
            out.add(items.subList(i, Math.min(items.size(), i + size)));
        }
        return out;
    }

    static long nextLong(Random random, long bound) {
        return Math.floorMod(random.nextLong(), bound);
    }

    private static double perSecond(long count, long nanos) {
        return count / (nanos / 1e9);
    }
}
