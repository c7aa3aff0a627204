package io.eventscope.engine.projection;

import io.eventscope.engine.event.EventEnvelope;
import io.eventscope.engine.store.EventStore;
import io.eventscope.engine.store.Subscription;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.LongConsumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Feeds one projection's live generation from a catch-up subscription. The subscription fills
 * a bounded queue; the runner's thread drains it in batches, one transaction each. An event
 * that keeps failing parks the projection there: the runner stops and calls {@code onPark}.
 */
final class ProjectionRunner {
    private static final Logger LOG = LoggerFactory.getLogger(ProjectionRunner.class);
    private static final int BATCH = 1_000;
    private static final long[] RETRY_DELAYS_MS = {50, 250};

    /** Called on the runner's thread when an event failed every attempt. */
    interface ParkListener {
        void parked(EventFailure failure);
    }

    private final EventStore store;
    private final GenerationWriter writer;
    private final ParkListener onPark;
    private final LongConsumer onCommit;
    private final BlockingQueue<EventEnvelope> queue = new ArrayBlockingQueue<>(8 * BATCH);
    private final Thread thread;
    private volatile boolean stopped;
    private volatile Subscription subscription;

    ProjectionRunner(EventStore store, GenerationWriter writer, ParkListener onPark, LongConsumer onCommit) {
        this.store = store;
        this.writer = writer;
        this.onPark = onPark;
        this.onCommit = onCommit;
        this.thread = new Thread(this::run, "projection-" + writer.generation().schema());
        this.thread.setDaemon(true);
    }

    void start() {
        subscription = store.subscribe(writer.checkpoint() + 1, this::enqueue);
        thread.start();
    }

    /** Stops delivery and waits for the batch in flight to commit or roll back. */
    void stop() {
        stopped = true;
        Subscription s = subscription;
        if (s != null) {
            s.cancel();
        }
        if (Thread.currentThread() != thread) {
            try {
                thread.join(10_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    boolean running() {
        return thread.isAlive() && !stopped;
    }

    long checkpoint() {
        return writer.checkpoint();
    }

    private void enqueue(EventEnvelope e) {
        try {
            while (!stopped && !queue.offer(e, 100, TimeUnit.MILLISECONDS)) {
                // full: the runner is behind; wait, unless it stops meanwhile
            }
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    private void run() {
        List<EventEnvelope> batch = new ArrayList<>(BATCH);
        try {
            while (!stopped) {
                EventEnvelope first = queue.poll(100, TimeUnit.MILLISECONDS);
                if (first == null) {
                    continue;
                }
                batch.clear();
                batch.add(first);
                queue.drainTo(batch, BATCH - 1);
                if (!applyWithRetries(batch)) {
                    return;
                }
                onCommit.accept(writer.checkpoint());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (GenerationRetired retired) {
            LOG.info("Projection runner {} stopped: {}", writer.generation().schema(), retired.getMessage());
        } catch (RuntimeException e) {
            LOG.error("Projection runner {} stopped", writer.generation().schema(), e);
        }
    }

    /** False when the projection parked. */
    private boolean applyWithRetries(List<EventEnvelope> batch) throws InterruptedException {
        List<EventEnvelope> remaining = batch;
        for (int attempt = 0; ; attempt++) {
            try {
                writer.apply(remaining);
                return true;
            } catch (EventFailure failure) {
                int at = remaining.indexOf(failure.event());
                remaining = new ArrayList<>(remaining.subList(Math.max(0, at), remaining.size()));
                if (stopped) {
                    return false; // paused or closing: the failure is met again on resume
                }
                if (attempt == RETRY_DELAYS_MS.length) {
                    stopped = true;
                    subscription.cancel();
                    LOG.warn("Projection {} parked: {}", writer.generation().projection(), failure.getMessage());
                    onPark.parked(failure);
                    return false;
                }
                Thread.sleep(RETRY_DELAYS_MS[attempt]);
            }
        }
    }
}
