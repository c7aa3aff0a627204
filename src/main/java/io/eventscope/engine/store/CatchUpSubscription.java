package io.eventscope.engine.store;

import io.eventscope.engine.event.EventEnvelope;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Catch-up then live delivery for any store whose global log is gap-free and visible in
 * position order: read pages from the next position, and when caught up wait for the store
 * to signal an append. Because positions are contiguous and read in order, every event is
 * delivered exactly once, with no gap, however many threads append meanwhile.
 */
public final class CatchUpSubscription implements Subscription {
    private static final Logger LOG = LoggerFactory.getLogger(CatchUpSubscription.class);
    private static final int PAGE = 512;
    /** Covers appends no signal announces (another process on a shared file). */
    private static final Duration POLL = Duration.ofMillis(250);
    private static final Duration READ_RETRY = Duration.ofSeconds(1);

    private final EventStore store;
    private final Consumer<EventEnvelope> handler;
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition appended = lock.newCondition();
    private final Thread thread;
    private final Duration poll;
    private volatile boolean cancelled;
    private volatile long lastDelivered;

    private CatchUpSubscription(EventStore store, long fromPosition, Consumer<EventEnvelope> handler, Duration poll) {
        this.store = store;
        this.handler = handler;
        this.poll = poll;
        this.lastDelivered = Math.max(0, fromPosition - 1);
        this.thread = new Thread(this::run, "subscription-from-" + fromPosition);
        this.thread.setDaemon(true);
    }

    /** Starts a subscription; the store must call {@link #signal()} after every append. */
    public static CatchUpSubscription start(EventStore store, long fromPosition, Consumer<EventEnvelope> handler) {
        return start(store, fromPosition, handler, POLL);
    }

    /**
     * Starts a subscription that also looks for new events every {@code poll} unsignalled: a
     * store told of other processes' appends needs that only as a safety net.
     */
    public static CatchUpSubscription start(EventStore store, long fromPosition, Consumer<EventEnvelope> handler,
                                            Duration poll) {
        CatchUpSubscription s = new CatchUpSubscription(store, fromPosition, handler, poll);
        s.thread.start();
        return s;
    }

    /** Wakes the subscription after an append has become visible. */
    public void signal() {
        lock.lock();
        try {
            appended.signalAll();
        } finally {
            lock.unlock();
        }
    }

    private void run() {
        try {
            while (!cancelled) {
                List<EventEnvelope> page = readOn();
                for (EventEnvelope e : page) {
                    if (cancelled) {
                        return;
                    }
                    handler.accept(e);
                    lastDelivered = e.position();
                }
                if (page.size() < PAGE) {
                    awaitAppend();
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException e) {
            if (!cancelled) {
                LOG.error("Subscription stopped after position {}: {}", lastDelivered, e.toString(), e);
                cancelled = true;
            }
        }
    }

    /**
     * The next page. A store that cannot be read (a database server restarting) is tried again
     * until it answers or the subscription is cancelled: delivery goes on from where it was.
     */
    private List<EventEnvelope> readOn() throws InterruptedException {
        for (int failures = 0; ; failures++) {
            try {
                return store.read(EventFilter.ALL, lastDelivered + 1, PAGE, Direction.FORWARDS);
            } catch (EventStoreException e) {
                if (cancelled) {
                    return List.of();
                }
                if (failures == 0) {
                    LOG.warn("Subscription after position {} cannot read the store, trying again every {} ms: {}",
                            lastDelivered, READ_RETRY.toMillis(), e.getMessage());
                }
                Thread.sleep(READ_RETRY.toMillis());
            }
        }
    }

    private void awaitAppend() throws InterruptedException {
        lock.lock();
        try {
            if (!cancelled && !hasNewEvents()) {
                appended.await(poll.toMillis(), TimeUnit.MILLISECONDS);
            }
        } finally {
            lock.unlock();
        }
    }

    /** Unknown when the store cannot be read: then the next read finds out, and retries. */
    private boolean hasNewEvents() {
        try {
            return store.headPosition() > lastDelivered;
        } catch (EventStoreException e) {
            return false;
        }
    }

    @Override
    public void cancel() {
        cancelled = true;
        // No interrupt: an interrupted thread inside H2 closes the database file channel.
        signal();
    }

    @Override
    public boolean isCancelled() {
        return cancelled;
    }

    @Override
    public long lastDeliveredPosition() {
        return lastDelivered;
    }
}
