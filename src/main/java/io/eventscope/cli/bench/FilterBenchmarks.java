package io.eventscope.cli.bench;

import io.eventscope.cli.StatsCommand;
import io.eventscope.engine.event.EventEnvelope;
import io.eventscope.engine.store.EventFilter;
import io.eventscope.engine.store.EventStore;
import io.eventscope.engine.store.jdbc.JdbcEventStore;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.function.Supplier;

/**
 * The Events view's filters on the loaded store, each measured as the view uses it: the first
 * page is the matching positions plus the events of the first rows; the count is the exact
 * {@link EventStore#count}. Median and p99 over filters drawn at random from a fixed seed.
 */
public final class FilterBenchmarks {
    private static final int RUNS = 40;
    private static final int WARM_UP_RUNS = 5;
    /** Rows of the Events table's first page. */
    private static final int FIRST_PAGE = 500;
    private static final int STATS_RUNS = 10;
    private static final Duration INDEXING_PATIENCE = Duration.ofMinutes(30);

    private FilterBenchmarks() {
    }

    /** filter-type, filter-text, filter-time, filter-stream and filter-combined, each with its -count line. */
    public static List<Figure> filters(BenchContext ctx) throws InterruptedException {
        EventStore store = indexed(ctx.store().store());
        long orders = ctx.loadedOrders();
        long head = store.headPosition();
        Random random = new Random(42);
        List<String> types = ShopLikeEvents.types();
        Supplier<Set<String>> someTypes = () -> random.nextBoolean() ? Set.of(pick(random, types))
                : Set.of(types.get(0), pick(random, types.subList(1, types.size())));
        Supplier<String> someText = () -> switch (random.nextInt(3)) {
            case 0 -> ShopLikeEvents.customerId(StoreBenchmarks.nextLong(random, orders));
            case 1 -> ShopLikeEvents.sku(StoreBenchmarks.nextLong(random, orders));
            default -> "eur"; // in every event: the longest posting list
        };
        // a window of about 1% of the log, or everything after a random point
        Supplier<EventFilter> someWindow = () -> {
            long at = 1 + StoreBenchmarks.nextLong(random, head);
            Instant from = store.eventAt(at).orElseThrow().timestamp();
            Instant to = random.nextBoolean() ? null : store.eventAt(Math.min(head, at + head / 100)).orElseThrow().timestamp();
            return EventFilter.ALL.withTimeWindow(from, to);
        };
        // the Events view makes any stream text a prefix: "order-12" finds order-12, order-120...
        Supplier<String> somePrefix = () -> ShopLikeEvents.stream(StoreBenchmarks.nextLong(random, Math.min(orders, 1_000))) + "*";
        List<Figure> out = new ArrayList<>();
        out.addAll(measure("filter-type", store, head, () -> EventFilter.ALL.withTypes(someTypes.get())));
        out.addAll(measure("filter-text", store, head, () -> EventFilter.ALL.withText(someText.get())));
        out.addAll(measure("filter-time", store, head, someWindow));
        out.addAll(measure("filter-stream", store, head, () -> EventFilter.stream(somePrefix.get())));
        out.addAll(measure("filter-combined", store, head, () -> someWindow.get().withStreamPattern("order-*")
                .withTypes(someTypes.get()).withText("eur")));
        return out;
    }

    /** The time stats takes on the loaded store. */
    public static List<Figure> stats(BenchContext ctx) throws InterruptedException {
        EventStore store = indexed(ctx.store().store());
        double[] millis = new double[STATS_RUNS];
        for (int i = -1; i < STATS_RUNS; i++) {
            long t0 = System.nanoTime();
            StatsCommand.stats(store);
            if (i >= 0) {
                millis[i] = (System.nanoTime() - t0) / 1e6;
            }
        }
        Arrays.sort(millis);
        return List.of(Figure.latency("stats", millis[STATS_RUNS / 2], millis[STATS_RUNS - 1]));
    }

    /** The store once its filter index has caught up with the load, as a person's store is at rest. */
    static EventStore indexed(EventStore store) throws InterruptedException {
        if (store instanceof JdbcEventStore jdbc && !jdbc.awaitFilterIndex(INDEXING_PATIENCE)) {
            throw new IllegalStateException("The filter index of " + store.describe() + " did not catch up within "
                    + INDEXING_PATIENCE.toMinutes() + " minutes");
        }
        return store;
    }

    private static List<Figure> measure(String name, EventStore store, long head, Supplier<EventFilter> filters) {
        double[] firstPage = new double[RUNS];
        double[] count = new double[RUNS];
        for (int i = -WARM_UP_RUNS; i < RUNS; i++) {
            EventFilter filter = filters.get();
            long t0 = System.nanoTime();
            long[] positions = store.positions(filter, 1, head);
            List<EventEnvelope> rows = store.eventsAt(Arrays.copyOf(positions, Math.min(FIRST_PAGE, positions.length)));
            long t1 = System.nanoTime();
            long counted = store.count(filter);
            long t2 = System.nanoTime();
            if (counted != positions.length || rows.size() != Math.min(FIRST_PAGE, positions.length)) {
                throw new IllegalStateException(name + ": " + filter + " counted " + counted + ", found "
                        + positions.length + " positions and read " + rows.size() + " of their events");
            }
            if (i >= 0) {
                firstPage[i] = (t1 - t0) / 1e6;
                count[i] = (t2 - t1) / 1e6;
            }
        }
        return List.of(latency(name, firstPage), latency(name + "-count", count));
    }

    private static Figure latency(String name, double[] millis) {
        Arrays.sort(millis);
        return Figure.latency(name, millis[millis.length / 2], millis[(int) (millis.length * 0.99)]);
    }

    private static <T> T pick(Random random, List<T> choices) {
        return choices.get(random.nextInt(choices.size()));
    }
}
