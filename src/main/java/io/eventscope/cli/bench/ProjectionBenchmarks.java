package io.eventscope.cli.bench;

import io.eventscope.engine.io.ProgressMonitor;
import io.eventscope.engine.projection.ReadModels;
import io.eventscope.engine.projection.RebuildReport;
import io.eventscope.engine.store.AppendResult;
import io.eventscope.engine.store.EventFilter;
import io.eventscope.engine.store.EventStore;
import io.eventscope.engine.store.OpenStore;
import io.eventscope.engine.upcast.UpcastingEventStore;
import io.eventscope.shop.readmodel.ShopReadModels;
import io.eventscope.shop.upcast.ShopUpcasters;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * The read side's figures, on a store of the shop's own events ({@link ShopHistory}) so every
 * projection has rows to write: a rebuild of each read model from position 1 against
 * {@code replay}'s paged read of the same store, and the lag of the live projections while an
 * appender writes as {@code generate} does (atomic batches of about 100 events, as fast as the
 * store takes them).
 */
public final class ProjectionBenchmarks {
    private static final long POLL_NANOS = 200_000;
    private static final long CATCH_UP_MINUTES = 10;

    private ProjectionBenchmarks() {
    }

    /**
     * Each shop read model rebuilt from the whole store, in events covered per second, against
     * the replay rate: the better of the paged reads just before and just after it, so both
     * meet the same load on a shared machine. A build over the first tenth warms the JIT first.
     */
    public static List<Figure> rebuild(BenchContext ctx) {
        OpenStore shop = loaded(ctx);
        EventStore store = shop.store();
        long head = store.headPosition();
        List<Figure> figures = new ArrayList<>();
        try (ReadModels models = readModels(shop, false)) {
            // Warm-up, as replay's first round is: each read model built over the first tenth, then dropped.
            for (String name : models.names()) {
                models.asOf(name, head / 10, EventFilter.ALL).close();
            }
            long replayBefore = timeReplay(store);
            for (String name : models.names()) {
                long t0 = System.nanoTime();
                RebuildReport report = models.rebuild(name, ProgressMonitor.NONE);
                long rebuildNanos = System.nanoTime() - t0;
                if (!report.completed() || report.checkpoint() != head) {
                    throw new IllegalStateException("the rebuild of " + name + " ended at " + report.checkpoint()
                            + ", the head is " + head);
                }
                long replayAfter = timeReplay(store);
                figures.add(Figure.against("projection-rebuild-" + name, perSecond(head, rebuildNanos),
                        perSecond(head, Math.min(replayBefore, replayAfter)), "events/s"));
                replayBefore = replayAfter;
            }
        }
        return figures;
    }

    /**
     * The live projections follow while one appender writes batches as fast as it can: for each
     * batch, the time from its append returning to every projection's checkpoint passing it.
     */
    public static List<Figure> lag(BenchContext ctx) throws InterruptedException {
        OpenStore shop = loaded(ctx);
        EventStore store = shop.store();
        long batches = Math.max(100, Math.min(2_000, ctx.events() / 500));
        BlockingQueue<long[]> acks = new LinkedBlockingQueue<>();
        double[] lags = new double[(int) batches];
        long appendNanos;
        long appended;
        try (ReadModels models = readModels(shop, true)) {
            awaitCheckpoints(models, store.headPosition(), System.nanoTime() + TimeUnit.MINUTES.toNanos(CATCH_UP_MINUTES));
            Thread observer = new Thread(() -> {
                for (int i = 0; i < lags.length; i++) {
                    long[] ack = take(acks);
                    awaitCheckpoints(models, ack[0], Long.MAX_VALUE);
                    lags[i] = (System.nanoTime() - ack[1]) / 1e6;
                }
            }, "projection-lag-observer");
            observer.start();
            long headBefore = store.headPosition();
            long t0 = System.nanoTime();
            for (long b = 0; b < batches; b++) {
                List<AppendResult> results = store.appendAll(ShopHistory.orders(ctx.shopOrders()));
                acks.add(new long[] {results.stream().mapToLong(AppendResult::position).max().orElseThrow(),
                        System.nanoTime()});
                ctx.addShopOrders(ShopHistory.ORDERS_PER_BATCH);
            }
            appendNanos = System.nanoTime() - t0;
            appended = store.headPosition() - headBefore;
            observer.join(TimeUnit.MINUTES.toMillis(CATCH_UP_MINUTES));
            if (observer.isAlive()) {
                throw new IllegalStateException("the read models did not catch up within " + CATCH_UP_MINUTES + " minutes");
            }
        }
        Arrays.sort(lags);
        return List.of(Figure.latency("projection-lag", lags[lags.length / 2], lags[(int) (lags.length * 0.99)]),
                Figure.of("projection-lag-max", lags[lags.length - 1], "ms"),
                Figure.of("projection-lag-appends", perSecond(appended, appendNanos), "events/s"));
    }

    /** The shop store holding at least {@code --events} events; loads what is missing. */
    private static OpenStore loaded(BenchContext ctx) {
        OpenStore shop = ctx.shopStore();
        EventStore store = shop.store();
        long head = store.headPosition();
        if (head == 0) {
            head = last(store.appendAll(ShopHistory.restock()));
        }
        while (head < ctx.events()) {
            head = last(store.appendAll(ShopHistory.orders(ctx.shopOrders())));
            ctx.addShopOrders(ShopHistory.ORDERS_PER_BATCH);
        }
        return shop;
    }

    private static ReadModels readModels(OpenStore shop, boolean run) {
        return ReadModels.open(shop.database(), new UpcastingEventStore(shop.store(), ShopUpcasters.chain()),
                ShopReadModels.projections(), run);
    }

    private static void awaitCheckpoints(ReadModels models, long position, long deadlineNanos) {
        for (String name : models.names()) {
            while (models.checkpoint(name) < position) {
                if (System.nanoTime() > deadlineNanos) {
                    throw new IllegalStateException(name + " did not reach position " + position + " in time");
                }
                LockSupport.parkNanos(POLL_NANOS);
            }
        }
    }

    private static long[] take(BlockingQueue<long[]> acks) {
        try {
            return acks.take();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    private static long timeReplay(EventStore store) {
        long t0 = System.nanoTime();
        StoreBenchmarks.readAll(store);
        return System.nanoTime() - t0;
    }

    private static long last(List<AppendResult> results) {
        return results.stream().mapToLong(AppendResult::position).max().orElseThrow();
    }

    private static double perSecond(long count, long nanos) {
        return count / (nanos / 1e9);
    }
}
