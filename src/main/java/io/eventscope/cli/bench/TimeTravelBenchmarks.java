package io.eventscope.cli.bench;

import io.eventscope.engine.domain.AggregateType;
import io.eventscope.engine.domain.DeciderFold;
import io.eventscope.engine.domain.JsonMergeFold;
import io.eventscope.engine.domain.StateCache;
import io.eventscope.engine.domain.StateLoader;
import io.eventscope.engine.domain.StreamFold;
import io.eventscope.engine.domain.TimeTravel;
import io.eventscope.engine.event.Metadata;
import io.eventscope.engine.event.NewEvent;
import io.eventscope.engine.store.Direction;
import io.eventscope.engine.store.EventStore;
import io.eventscope.engine.store.ExpectedVersion;
import io.eventscope.engine.store.InMemoryEventStore;
import io.eventscope.shop.inventory.Inventory;
import io.eventscope.shop.inventory.InventoryEvent;
import io.eventscope.shop.inventory.StockReleased;
import io.eventscope.shop.inventory.StockReserved;
import io.eventscope.shop.inventory.StockRestocked;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Time travel's figures: {@code stateAt} at random versions of one stream of 100,000 events
 * (fewer when --events is smaller), and a full fold of 1,000,000 in-memory events (idem). The
 * stream is a shop inventory (restock, reserve, release) folded through its decider, so every
 * event is decoded by the codec and evolved.
 */
public final class TimeTravelBenchmarks {
    private static final int STATE_AT_STREAM = 100_000;
    private static final int FOLD_EVENTS = 1_000_000;
    private static final int WARM_UP_JUMPS = 500;
    private static final int JUMPS = 2_000;
    private static final int UNCACHED_JUMPS = 20;
    private static final int FOLD_ROUNDS = 3;
    private static final int BATCH = 1_000;

    private TimeTravelBenchmarks() {
    }

    /**
     * stateAt at random versions of a stream in the H2 file store, once warm (every checkpoint
     * made); the baseline is the same call with no cache, folding from the first event.
     */
    public static List<Figure> stateAt(BenchContext ctx) {
        EventStore store = ctx.store().store();
        int length = (int) Math.min(STATE_AT_STREAM, ctx.events());
        String stream = "inventory-bench-" + System.nanoTime();
        appendInventory(store, stream, length);
        Map<String, AggregateType<?, ?, ?>> types = Map.of("inventory", Inventory.type());
        TimeTravel cached = new TimeTravel(store, new StateLoader(store, StateCache.withDefaults()), types);
        TimeTravel uncached = new TimeTravel(store,
                new StateLoader(store, new StateCache(Integer.MAX_VALUE, 2, 1)), types);
        Random random = new Random(42);

        cached.currentState(stream);
        jumps(cached, stream, length, WARM_UP_JUMPS, random);
        double[] warm = jumps(cached, stream, length, JUMPS, random);
        double[] cold = jumps(uncached, stream, length, UNCACHED_JUMPS, random);
        double median = percentile(warm, 50);
        double baseline = percentile(cold, 50);
        return List.of(new Figure("stateAt", round3(median), "ms", round3(baseline),
                Math.round(median / baseline * 1e6) / 1e6, round3(percentile(warm, 99))));
    }

    /**
     * A full fold of an in-memory stream, through the inventory decider and through the
     * generic JSON merge; the baseline reads the same events page by page without folding.
     */
    public static List<Figure> fold(BenchContext ctx) {
        int count = (int) Math.min(FOLD_EVENTS, ctx.events());
        InMemoryEventStore store = new InMemoryEventStore();
        appendInventory(store, "inventory-fold", count);
        double read = Double.MAX_VALUE;
        double decider = Double.MAX_VALUE;
        double merge = Double.MAX_VALUE;
        for (int round = 0; round <= FOLD_ROUNDS; round++) {
            long t0 = System.nanoTime();
            readAll(store, "inventory-fold", count);
            long t1 = System.nanoTime();
            foldAll(store, new DeciderFold<>(Inventory.type()));
            long t2 = System.nanoTime();
            foldAll(store, new JsonMergeFold());
            long t3 = System.nanoTime();
            if (round > 0) { // round 0 warms the JIT up
                read = Math.min(read, (t1 - t0) / 1e6);
                decider = Math.min(decider, (t2 - t1) / 1e6);
                merge = Math.min(merge, (t3 - t2) / 1e6);
            }
        }
        return List.of(Figure.against("fold-decider", decider, read, "ms"),
                Figure.against("fold-json-merge", merge, read, "ms"));
    }

    private static double[] jumps(TimeTravel timeTravel, String stream, int length, int count, Random random) {
        double[] millis = new double[count];
        for (int i = 0; i < count; i++) {
            long version = 1 + random.nextInt(length);
            long t0 = System.nanoTime();
            timeTravel.stateAt(stream, version);
            millis[i] = (System.nanoTime() - t0) / 1e6;
        }
        return millis;
    }

    private static void foldAll(EventStore store, StreamFold<?, ?> fold) {
        new StateLoader(store, StateCache.withDefaults()).load("inventory-fold", fold, Long.MAX_VALUE);
    }

    private static void readAll(EventStore store, String stream, int count) {
        for (long v = 1; v <= count; v += BATCH) {
            store.readStream(stream, v, BATCH, Direction.FORWARDS);
        }
    }

    /** Restock 10, reserve 3 for an order, release it again: the stream never runs dry. */
    private static void appendInventory(EventStore store, String stream, int count) {
        AggregateType<?, ?, InventoryEvent> type = Inventory.type();
        List<NewEvent> batch = new ArrayList<>(BATCH);
        for (int i = 0; i < count; i++) {
            String order = "o" + (i / 3);
            InventoryEvent e = i % 3 == 0 ? new StockRestocked("bench", 10)
                    : i % 3 == 1 ? new StockReserved("bench", order, 3) : new StockReleased("bench", order, 3);
            batch.add(new NewEvent(null, type.events().typeName(e), null, null, type.events().schemaVersion(e), null,
                    type.events().toJson(e), Metadata.EMPTY));
            if (batch.size() == BATCH || i == count - 1) {
                store.append(stream, ExpectedVersion.ANY, batch);
                batch.clear();
            }
        }
    }

    private static double percentile(double[] values, int p) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted[Math.min(sorted.length - 1, (int) Math.ceil(p / 100.0 * sorted.length) - 1)];
    }

    private static double round3(double value) {
        return Math.round(value * 1000) / 1000.0;
    }
}
